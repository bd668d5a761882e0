import type { TallyDevice } from './tally-device.js';
import type { TallyWorld } from './tally-world.js';

const PATIENCE = { timeout: 60_000 } as const;

export interface AdvisorProfileChoices {
  readonly headline?: string;
  /** The session's price in the profile currency, free when absent. */
  readonly price?: string;
  /** Saturdays and Sundays too, besides the weekdays the hours form starts with. */
  readonly weekends?: boolean;
}

/**
 * Ada on the device: registered on the world's relay as ada@example.com, given the advisor role,
 * and published as "Ada Advisor" (budgeting, English) with the hours form's 09:00–17:00 saved.
 */
export async function publishAdvisor(
  world: TallyWorld,
  advisor: TallyDevice,
  choices: AdvisorProfileChoices = {},
): Promise<void> {
  await advisor.connect('register', world.relayUrl, 'ada@example.com', 'Ada’s phone');
  await world.grantAdvisor('ada@example.com');
  await advisor.reload();
  await advisor.open('advisor-profile');
  await advisor.byTestId('advisor-name').fill('Ada Advisor');
  if (choices.headline !== undefined) await advisor.byTestId('advisor-headline').fill(choices.headline);
  await advisor.byTestId('advisor-specialty-budgeting').check();
  await advisor.byTestId('advisor-language-en').check();
  if (choices.price !== undefined) await advisor.byTestId('advisor-price-input').fill(choices.price);
  await advisor.byTestId('publish-profile').click();
  await advisor.byTestId('advisor-profile-saved').waitFor(PATIENCE);
  if (choices.weekends === true) for (const day of [6, 7]) await advisor.byTestId(`hours-on-${day}`).check();
  await advisor.byTestId('save-hours').click();
  await advisor.byTestId('advisor-hours-saved').waitFor(PATIENCE);
}
