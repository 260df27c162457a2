import { defineStore } from 'pinia';
import { usePersisted } from '../composables/usePersisted';
import { newRequestId } from '../lib/request-id';

/**
 * What someone is typing into the contact or report form, kept on the phone so a reload or a dropped
 * network never loses it. Each draft carries the requestId its submission will use: a retry of the
 * same draft is the same request; once it is sent (or queued) the draft is cleared and gets a new id.
 */
export interface ContactDraft {
  requestId: string;
  name: string;
  phone: string;
  idNumber: string;
  address: string;
  contactTime: string;
  note: string;
  consent: boolean;
}

export interface ReportDraft {
  requestId: string;
  name: string;
  address: string;
  phone: string;
  idNumber: string;
  situation: string[];
  description: string;
  relation: string;
  reporterName: string;
  reporterPhone: string;
  consentConfirmed: boolean;
}

const emptyContact = (): ContactDraft => ({
  requestId: newRequestId(),
  name: '',
  phone: '',
  idNumber: '',
  address: '',
  contactTime: '',
  note: '',
  consent: false,
});

const emptyReport = (): ReportDraft => ({
  requestId: newRequestId(),
  name: '',
  address: '',
  phone: '',
  idNumber: '',
  situation: [],
  description: '',
  relation: '',
  reporterName: '',
  reporterPhone: '',
  consentConfirmed: false,
});

const isObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null;

export const useDraftsStore = defineStore('drafts', () => {
  const contact = usePersisted<ContactDraft>('xfm.draft.contact', {
    version: '1',
    initial: emptyContact,
    accept: (data): data is ContactDraft => isObject(data) && typeof data.requestId === 'string',
  });
  const report = usePersisted<ReportDraft>('xfm.draft.report', {
    version: '1',
    initial: emptyReport,
    accept: (data): data is ReportDraft => isObject(data) && typeof data.requestId === 'string' && Array.isArray(data.situation),
  });

  function resetContact(): void {
    contact.value = emptyContact();
  }
  function resetReport(): void {
    report.value = emptyReport();
  }

  return { contact, report, resetContact, resetReport };
});
