import { describe, expect, test } from 'vitest';
import { sendForm } from './send-form.js';

class Refused extends Error {}

type Issues = Partial<Record<'email' | 'form', string>>;

const refusedOnly = (error: unknown): Issues | undefined =>
  error instanceof Refused ? { form: error.message } : undefined;

describe('sending a form to the relay', () => {
  test('a form that checks out is sent with its checked fields', async () => {
    const sent: string[] = [];
    const sending = await sendForm({
      check: () => ({ fields: 'ada@example.com' }),
      send: async (email) => {
        sent.push(email);
      },
      refused: refusedOnly,
    });
    expect(sending).toEqual({ saved: true });
    expect(sent).toEqual(['ada@example.com']);
  });

  test('what the relay answered comes back with the sent form', async () => {
    const sending = await sendForm({
      check: () => ({ fields: 'ada@example.com' }),
      send: async (email) => ({ code: `invite-${email}` }),
      refused: refusedOnly,
    });
    expect(sending).toEqual({ saved: true, sent: { code: 'invite-ada@example.com' } });
  });

  test('a form with issues sends nothing and returns them', async () => {
    const sent: string[] = [];
    const sending = await sendForm<string, Issues>({
      check: () => ({ issues: { email: 'missing' } }),
      send: async (email: string) => {
        sent.push(email);
      },
      refused: refusedOnly,
    });
    expect(sending).toEqual({ issues: { email: 'missing' } });
    expect(sent).toEqual([]);
  });

  test('a refusal comes back as the form’s issues', async () => {
    const sending = await sendForm({
      check: () => ({ fields: 1 }),
      send: () => Promise.reject(new Refused('the link was used')),
      refused: refusedOnly,
    });
    expect(sending).toEqual({ issues: { form: 'the link was used' } });
  });

  test('any other failure is a bug, and is thrown rather than shown as a refusal', async () => {
    await expect(
      sendForm({
        check: () => ({ fields: 1 }),
        send: () => Promise.reject(new TypeError('a bug')),
        refused: refusedOnly,
      }),
    ).rejects.toThrow(TypeError);
  });
});
