import { useEffect, useState } from 'react';
import { type AttachmentStatus, useAttachmentStatus, useTally } from '../../tally/index.js';

/** What is shown of an attachment: where it is, and its bytes as an address the page can show, once they are here. */
export interface AttachmentView {
  readonly status: AttachmentStatus;
  readonly url: string | undefined;
}

/**
 * The bytes of one attachment as an object URL, revoked when no longer shown. With `download`, bytes
 * not on this device are fetched from the relay (and kept for offline use); without, a placeholder is shown.
 */
export function useAttachmentView(hash: string, download: boolean): AttachmentView {
  const { attachments } = useTally();
  const status = useAttachmentStatus(hash);
  const [url, setUrl] = useState<string | undefined>(undefined);
  const here = status === 'device' || status === 'uploading' || status === 'synced';
  const wanted = here || (download && status === 'relay');
  useEffect(() => {
    if (!wanted) return;
    let made: string | undefined;
    let shown = true;
    void attachments.bytes(hash).then((kept) => {
      if (!kept || !shown) return;
      made = URL.createObjectURL(new Blob([kept.bytes], { type: kept.type }));
      setUrl(made);
    });
    return () => {
      shown = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [attachments, hash, wanted]);
  return { status, url };
}
