import { lazyComponent } from '../../ui/index.js';

export { AttachmentMark } from './AttachmentMark.js';
/** The form's attachments load with the form. */
export { AttachmentsField } from './AttachmentsField.js';
export { fileSizeLimit } from './file-size.js';
/** Settings' storage section loads with Settings. */
export const AttachmentStorage = lazyComponent(() => import('./AttachmentStorage.js'), 'AttachmentStorage');
