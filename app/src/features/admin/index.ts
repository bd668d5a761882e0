export { AccountAdmin } from './AccountAdmin.js';
