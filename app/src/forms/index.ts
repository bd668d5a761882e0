export {
  type Changed,
  changesFrom,
  type EditForm,
  type Editing,
  type EditSteps,
  saveEdit,
} from './edit-record.js';
export { refusalMessages } from './messages.js';
export { amountRefusal, isRefusal, type Refusal, refusalOf } from './refusal.js';
export { type Checked, type FormSteps, type Saving, saveForm } from './save-form.js';
export { type Sending, type SendSteps, sendForm } from './send-form.js';
export { refusalText, useIssueText, useRefusalText } from './use-refusal-text.js';
