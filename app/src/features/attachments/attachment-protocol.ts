/** What the page asks the attachment worker: make a picked file ready to keep. */
export interface PrepareRequest {
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
  /** The largest file the relay keeps: a larger one is refused. */
  readonly maxBytes: number;
}

/**
 * Why a picked file is not attached: not a photo or PDF (`not-allowed`), a photo this browser
 * cannot read (`unreadable`, such as HEIC outside Safari), or larger than the relay keeps (`too-large`).
 */
export type PrepareRefusal = 'not-allowed' | 'unreadable' | 'too-large';

/** The file as it is kept: an image downscaled and re-encoded (its EXIF, location included, left behind), a PDF as it came. */
export interface PreparedAttachment {
  readonly hash: string;
  readonly name: string;
  readonly type: string;
  readonly bytes: ArrayBuffer;
}

export type PrepareReply =
  | ({ readonly id: number; readonly ok: true } & PreparedAttachment)
  | { readonly id: number; readonly ok: false; readonly refusal: PrepareRefusal };
