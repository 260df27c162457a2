/** What the staff step forms say about unsaved work and failed saves. */
export const FORM_MESSAGES = {
  discardTitle: '放弃填写的内容？',
  discardText: '还没有保存。放弃后，这次填写的内容会从本机清除。',
  discard: '放弃',
  keepEditing: '继续填写',
  restored: '已恢复上次没有保存的内容',
  /** Shown next to the save button when the phone has no connection. */
  saveOffline: '没有连上网络，还没有保存。填写的内容已留在本机，联网后再点一次保存。',
} as const;
