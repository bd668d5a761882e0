import { MAX_ATTACHMENT_NAME } from '@tally/schema';
import type { BlobRecords } from '../storage/blobs/blob-records.js';
import type { ChatDocument } from '../storage/conversations/conversations.js';
import { RelayError } from './error-catalogue.js';

/** The most documents one message carries (CHAT7). */
export const maxDocumentsPerMessage = 10;

/** `documents` of a message as sent: which uploaded files, under which names. */
export const documentsBody = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['hash', 'name'],
    properties: {
      hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      name: { type: 'string', minLength: 1, maxLength: MAX_ATTACHMENT_NAME, pattern: '\\S' },
    },
  },
} as const;

export const documentReply = {
  type: 'object',
  additionalProperties: false,
  required: ['hash', 'name', 'type', 'size'],
  properties: {
    hash: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    size: { type: 'integer' },
  },
} as const;

/**
 * The documents a message may carry: at most ten, each a different file the sender uploaded, its
 * type and size as the relay decided them from the bytes. Anything else refuses the whole message
 * with 422 `chat_documents_refused`, storing nothing (CHAT7).
 */
export async function chatDocumentsOf(
  records: BlobRecords,
  senderId: string,
  sent: readonly { readonly hash: string; readonly name: string }[],
): Promise<ChatDocument[]> {
  if (sent.length > maxDocumentsPerMessage) throw new RelayError('chat_documents_refused');
  if (new Set(sent.map((document) => document.hash)).size !== sent.length) {
    throw new RelayError('chat_documents_refused');
  }
  const documents: ChatDocument[] = [];
  for (const { hash, name } of sent) {
    const blob = await records.find(hash);
    if (blob === null || !(await records.uploadersOf(hash)).includes(senderId)) {
      throw new RelayError('chat_documents_refused');
    }
    documents.push({ hash, name: name.trim(), type: blob.type, size: blob.size });
  }
  return documents;
}
