export { afterNextPaint } from './after-next-paint.js';
export {
  type AmountProblem,
  type AmountRules,
  type AmountText,
  amountForInput,
  readAmount,
} from './amount-text.js';
export { closeAndFocus } from './close-and-focus.js';
export { ErrorBoundary } from './ErrorBoundary.js';
export { describedBy, Field } from './Field.js';
export { FocusTrap } from './FocusTrap.js';
export { FormFooter } from './FormFooter.js';
export { firstScreenDrawn, ScreenDrawn, type Waited, withPatience } from './first-screen.js';
export { type LazyComponent, lazyComponent } from './lazy-component.js';
export { formatDay, formatMonth, formatShortMonth, today } from './locale.js';
export { Money } from './Money.js';
export { failureMessages, formMessages, routeMessages, wordMessages } from './messages.js';
export { RowButton } from './RowButton.js';
export { AppFailed, ScreenFailed } from './ScreenFailed.js';
export { Sentence } from './Sentence.js';
export { whenIdle } from './when-idle.js';
