import { formatMoney, money } from '@tally/schema';
import { type FormEvent, useState } from 'react';
import { useLocale, useText } from '../../i18n/index.js';
import { Field, formatDay, formMessages } from '../../ui/index.js';
import type { AmountColumns, CsvMapping } from './csv-mapping.js';
import { previewRows } from './csv-preview.js';
import { DATE_FORMATS, type DateFormat } from './date-text.js';
import { ErrorReason } from './ErrorReason.js';
import { importMessages } from './messages.js';
import { StepHeading } from './StepHeading.js';
import type { CsvFile } from './use-import.js';

const PREVIEW_ROWS = 8;
const NONE = '';

interface MappingStepProps {
  readonly csv: CsvFile;
  readonly initial: CsvMapping;
  readonly origin: 'remembered' | 'guessed' | 'none';
  readonly currency: string;
  readonly onContinue: (mapping: CsvMapping) => void;
  readonly onCancel: () => void;
}

interface ColumnSelectProps {
  readonly id: string;
  readonly label: string;
  readonly columns: readonly string[];
  readonly value: number | null;
  readonly onChange: (column: number | null) => void;
  readonly noneLabel?: string;
}

function ColumnSelect({ id, label, columns, value, onChange, noneLabel }: ColumnSelectProps) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        data-testid={id}
        value={value === null ? NONE : String(value)}
        onChange={(event) => onChange(event.target.value === NONE ? null : Number(event.target.value))}
      >
        {noneLabel !== undefined && <option value={NONE}>{noneLabel}</option>}
        {columns.map((name, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file's columns may repeat a name; the column's place is its identity.
          <option key={i} value={String(i)}>
            {name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Which column is what, with the first rows shown exactly as they would be imported as it changes. */
export function MappingStep({ csv, initial, origin, currency, onContinue, onCancel }: MappingStepProps) {
  const text = useText(importMessages);
  const words = useText(formMessages);
  const locale = useLocale();
  const [mapping, setMapping] = useState(initial);
  const header = csv.sample.rows[mapping.headerRow]?.fields ?? [];
  const columns = header.map((name, i) =>
    name.trim() === '' ? text('mapping.column', { number: i + 1 }) : name.trim(),
  );
  const preview = previewRows(csv.sample, mapping, csv.digits, PREVIEW_ROWS);
  const change = (patch: Partial<CsvMapping>) => setMapping((current) => ({ ...current, ...patch }));
  const setAmount = (amount: AmountColumns) => change({ amount });
  const column = (value: number | null): number => value ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onContinue(mapping);
  };

  const { amount } = mapping;
  return (
    <section className="card" aria-labelledby="import-mapping-title" data-testid="import-mapping" data-origin={origin}>
      <StepHeading id="import-mapping-title">{text('mapping.title')}</StepHeading>
      <p className="hint">{text('mapping.intro')}</p>
      {origin !== 'none' && (
        <p className="notice" data-testid="mapping-origin">
          {text(origin === 'remembered' ? 'mapping.remembered' : 'mapping.guessed')}
        </p>
      )}
      <p className="count">{text.count('mapping.rows', csv.rows)}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="import__mapping">
          <ColumnSelect
            id="mapping-date"
            label={text('mapping.date')}
            columns={columns}
            value={mapping.date}
            onChange={(value) => change({ date: column(value) })}
          />
          <Field id="mapping-date-format" label={text('mapping.dateFormat')}>
            <select
              id="mapping-date-format"
              data-testid="mapping-date-format"
              value={mapping.dateFormat}
              onChange={(event) =>
                change({
                  dateFormat: DATE_FORMATS.find((format) => format === event.target.value) ?? mapping.dateFormat,
                })
              }
            >
              {DATE_FORMATS.map((format: DateFormat) => (
                <option key={format} value={format}>
                  {text(`dateFormat.${format}`)}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="import__fieldset">
            <legend>{text('mapping.amountKind')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="mapping-amount-kind"
                data-testid="mapping-amount-signed"
                checked={amount.kind === 'signed'}
                onChange={() =>
                  setAmount({ kind: 'signed', column: amount.kind === 'signed' ? amount.column : amount.debit })
                }
              />
              {text('mapping.signed')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name="mapping-amount-kind"
                data-testid="mapping-amount-debit-credit"
                checked={amount.kind === 'debit-credit'}
                onChange={() =>
                  setAmount(
                    amount.kind === 'debit-credit'
                      ? amount
                      : {
                          kind: 'debit-credit',
                          debit: amount.column,
                          credit: Math.min(amount.column + 1, columns.length - 1),
                        },
                  )
                }
              />
              {text('mapping.debitCredit')}
            </label>
          </fieldset>
          {amount.kind === 'signed' ? (
            <ColumnSelect
              id="mapping-amount"
              label={text('mapping.amount')}
              columns={columns}
              value={amount.column}
              onChange={(value) => setAmount({ kind: 'signed', column: column(value) })}
            />
          ) : (
            <>
              <ColumnSelect
                id="mapping-debit"
                label={text('mapping.debit')}
                columns={columns}
                value={amount.debit}
                onChange={(value) => setAmount({ ...amount, debit: column(value) })}
              />
              <ColumnSelect
                id="mapping-credit"
                label={text('mapping.credit')}
                columns={columns}
                value={amount.credit}
                onChange={(value) => setAmount({ ...amount, credit: column(value) })}
              />
            </>
          )}
          <Field id="mapping-decimal" label={text('mapping.decimal')}>
            <select
              id="mapping-decimal"
              data-testid="mapping-decimal"
              value={mapping.decimal}
              onChange={(event) => change({ decimal: event.target.value === ',' ? ',' : '.' })}
            >
              <option value=".">{text('decimal.point')}</option>
              <option value=",">{text('decimal.comma')}</option>
            </select>
          </Field>
          <ColumnSelect
            id="mapping-payee"
            label={text('mapping.payee')}
            columns={columns}
            value={mapping.payee}
            onChange={(value) => change({ payee: column(value) })}
          />
          <ColumnSelect
            id="mapping-notes"
            label={text('mapping.notes')}
            columns={columns}
            value={mapping.memo}
            noneLabel={text('mapping.noNotes')}
            onChange={(value) => change({ memo: value })}
          />
        </div>
        <div className="import__table-wrap">
          <table className="import__table" data-testid="mapping-preview">
            <caption>{text('mapping.preview')}</caption>
            <thead>
              <tr>
                <th scope="col">{text('column.line')}</th>
                <th scope="col">{words('date')}</th>
                <th scope="col">{words('payee')}</th>
                <th scope="col">{words('notes')}</th>
                <th scope="col" className="import__number">
                  {words('amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.map((row) =>
                row.ok ? (
                  <tr key={row.line.line} data-testid="preview-row">
                    <th scope="row">{row.line.line}</th>
                    <td data-testid="preview-date">{formatDay(row.line.date, locale)}</td>
                    <td data-testid="preview-payee">{row.line.payee}</td>
                    <td>{row.line.memo}</td>
                    <td className="import__number" data-testid="preview-amount">
                      {formatMoney(money(row.line.amount, currency), locale)}
                    </td>
                  </tr>
                ) : (
                  <tr key={row.line} data-testid="preview-row" data-invalid="true">
                    <th scope="row">{row.line}</th>
                    <td colSpan={4} className="import__invalid">
                      <ErrorReason code={row.code} values={row.values} />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button" onClick={onCancel}>
            {words('cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="mapping-continue">
            {text('mapping.continue')}
          </button>
        </div>
      </form>
    </section>
  );
}
