import { ATTACHMENT_TYPES, type Attachment, type AttachmentType } from '@tally/schema';

/** Adds an attachment once: the same bytes attached again are not listed twice (SPEC ATT1). */
export function addAttachment(attachments: readonly Attachment[], added: Attachment): readonly Attachment[] {
  return attachments.some((attachment) => attachment.hash === added.hash) ? attachments : [...attachments, added];
}

export function isAttachmentType(type: string): type is AttachmentType {
  return ATTACHMENT_TYPES.some((known) => known === type);
}
