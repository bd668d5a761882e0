import { useState } from 'react';
import { useText } from '../../i18n/index.js';
import type { AvailabilityException, WeeklyHours } from '../../sync/index.js';
import { describedBy, Field, formMessages } from '../../ui/index.js';
import { withExtraHours } from './dated-hours.js';
import { advisorMessages } from './messages.js';

interface DatedHoursProps {
  readonly exceptions: readonly AvailabilityException[];
  /** The weekly hours as the form holds them now, which extra hours on a working day keep. */
  readonly weekly: readonly WeeklyHours[];
  readonly onChange: (exceptions: readonly AvailabilityException[]) => void;
}

/** The advisor's dated exceptions to the weekly hours: days off and extra hours, each listed and removable. */
export function DatedHours({ exceptions, weekly, onChange }: DatedHoursProps) {
  const text = useText(advisorMessages);
  const [offDay, setOffDay] = useState('');
  const dateName = (date: string) =>
    new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00Z`));
  return (
    <>
      <h3>{text('exceptions')}</h3>
      <ul className="list">
        {exceptions.map((exception) => (
          <li
            key={exception.date}
            className="list__row list__row--static"
            data-testid="exception-row"
            data-date={exception.date}
          >
            <span>
              {exception.hours.length === 0
                ? text('dayOff', { date: dateName(exception.date) })
                : text('extraHours', {
                    date: dateName(exception.date),
                    hours: exception.hours.map((span) => `${span.start}–${span.end}`).join(', '),
                  })}
            </span>
            <button
              type="button"
              className="button"
              data-testid="remove-exception"
              onClick={() => onChange(exceptions.filter((kept) => kept !== exception))}
            >
              {text('remove')}
              <span className="visually-hidden"> {dateName(exception.date)}</span>
            </button>
          </li>
        ))}
      </ul>
      <Field id="exception-date" label={text('addDayOff')}>
        <input
          id="exception-date"
          data-testid="exception-date"
          type="date"
          value={offDay}
          onChange={(event) => setOffDay(event.target.value)}
        />
      </Field>
      <button
        type="button"
        className="button"
        data-testid="add-day-off"
        disabled={offDay === ''}
        onClick={() => {
          onChange([...exceptions.filter((kept) => kept.date !== offDay), { date: offDay, hours: [] }]);
          setOffDay('');
        }}
      >
        {text('addDayOffButton')}
      </button>
      <ExtraHours exceptions={exceptions} weekly={weekly} onChange={onChange} />
    </>
  );
}

/** Hours added on one date, on top of that day's weekly hours. */
function ExtraHours({ exceptions, weekly, onChange }: DatedHoursProps) {
  const form = useText(formMessages);
  const text = useText(advisorMessages);
  const [date, setDate] = useState('');
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('20:00');
  const [problem, setProblem] = useState<string | undefined>();

  const add = () => {
    if (date === '' || start === '' || end === '' || end <= start) {
      setProblem(text('extraHoursInvalid'));
      return;
    }
    const changed = withExtraHours(exceptions, weekly, date, { start, end });
    if (changed === undefined) {
      setProblem(text('tooManySpans'));
      return;
    }
    setProblem(undefined);
    onChange(changed);
    setDate('');
  };

  return (
    <fieldset className="advisors__hours">
      <legend>{text('addExtraHours')}</legend>
      <p className="hint">{text('extraHoursHint')}</p>
      <Field id="extra-date" label={form('date')} error={problem}>
        <input
          id="extra-date"
          data-testid="extra-date"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          {...describedBy('extra-date', problem)}
        />
      </Field>
      <div className="advisors__times">
        <Field id="extra-start" label={text('from')}>
          <input
            id="extra-start"
            data-testid="extra-start"
            type="time"
            value={start}
            onChange={(event) => setStart(event.target.value)}
          />
        </Field>
        <Field id="extra-end" label={text('to')}>
          <input
            id="extra-end"
            data-testid="extra-end"
            type="time"
            value={end}
            onChange={(event) => setEnd(event.target.value)}
          />
        </Field>
      </div>
      <button type="button" className="button" data-testid="add-extra-hours" onClick={add}>
        {text('addExtraHoursButton')}
      </button>
    </fieldset>
  );
}
