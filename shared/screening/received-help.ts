/**
 * Help a household already receives (the second part of the `support` question), and which outcomes
 * that help already covers, so a result never recommends what they have and can say 救助不充分 instead.
 */
import type { ReceivedHelp } from '../questionnaire/answers';
import type { OutcomeId } from './outcomes';

export interface ReceivedHelpInfo {
  /** Short name for 「您家已经在享受：…」. */
  readonly label: string;
  readonly covers: readonly OutcomeId[];
}

export const RECEIVED_HELP: { readonly [Help in ReceivedHelp]: ReceivedHelpInfo } = {
  // 特困 供养 already includes basic living, so the lower tiers are moot.
  received_tekun: { label: '特困人员救助供养', covers: ['tekun', 'dibao', 'dibao_edge', 'rigid_expense'] },
  received_dibao: { label: '低保', covers: ['dibao', 'dibao_edge', 'rigid_expense'] },
  // A 低边 household may still move up to 低保, so only 低边 itself is covered.
  received_dibao_edge: { label: '低保边缘家庭', covers: ['dibao_edge', 'rigid_expense'] },
  received_temporary: { label: '临时救助', covers: ['temporary'] },
  received_medical: { label: '医疗救助', covers: ['medical'] },
  received_education: { label: '教育资助', covers: ['education'] },
  received_housing: { label: '住房救助', covers: ['housing'] },
  received_employment: { label: '就业帮扶', covers: ['employment'] },
  received_none: { label: '', covers: [] },
};

/** Receiving one of these counts as already being a recognised hardship household. */
export const BASIC_RECEIVED_HELP: readonly ReceivedHelp[] = ['received_tekun', 'received_dibao', 'received_dibao_edge'];
