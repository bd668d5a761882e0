import { useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import type { AttachmentUsage } from '../../storage/index.js';
import { useTally } from '../../tally/index.js';
import { attachmentMessages } from './messages.js';
import './attachments.css';

/** Settings: what attachments take on this device, and keeping those the relay stores only there. */
export function AttachmentStorage() {
  const text = useText(attachmentMessages);
  const { attachments } = useTally();
  const [usage, setUsage] = useState<AttachmentUsage | undefined>(undefined);
  const [freed, setFreed] = useState<number | undefined>(undefined);
  useEffect(() => {
    const read = () => void attachments.usage().then(setUsage);
    read();
    return attachments.subscribe(read);
  }, [attachments]);
  const size = (bytes: number) =>
    new Intl.NumberFormat(text.locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      bytes / 1_000_000,
    );
  const free = async () => setFreed(await attachments.freeSpace());
  return (
    <section className="card" aria-labelledby="attachment-storage-title" data-testid="attachment-storage">
      <h2 id="attachment-storage-title">{text('storageTitle')}</h2>
      {usage && (
        <p data-testid="attachment-usage" data-bytes={usage.bytes}>
          {usage.count === 0 ? text('usageNone') : text.count('usage', usage.count, { size: size(usage.bytes) })}
        </p>
      )}
      {usage && usage.syncedCount > 0 && (
        <>
          <p>{text('freeable', { size: size(usage.syncedBytes) })}</p>
          <button type="button" className="button" data-testid="free-attachment-space" onClick={() => void free()}>
            {text('freeSpace')}
          </button>
        </>
      )}
      {freed !== undefined && (
        <p role="status" data-testid="attachment-space-freed">
          {text('freed', { size: size(freed) })}
        </p>
      )}
    </section>
  );
}
