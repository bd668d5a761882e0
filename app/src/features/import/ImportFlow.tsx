import { useRecords } from '../../ledger/index.js';
import { useTally } from '../../tally/index.js';
import { ChooseStep } from './ChooseStep.js';
import { DoneStep } from './DoneStep.js';
import { FailedStep } from './FailedStep.js';
import { FileSummary } from './FileSummary.js';
import { MappingStep } from './MappingStep.js';
import { ProgressStep } from './ProgressStep.js';
import { RecentImportsList } from './RecentImportsList.js';
import { ReviewStep } from './ReviewStep.js';
import type { RecentImport } from './recent-imports.js';
import { setLineCategory } from './review.js';
import { useImport } from './use-import.js';
import './import.css';

/** The steps of an import, one at a time, with the recent imports under the first and the last. */
export default function ImportFlow() {
  const tally = useTally();
  const accounts = useRecords(tally.accounts).filter((account) => !account.archived);
  const categories = useRecords(tally.categories);
  const flow = useImport();
  const { step } = flow;
  const account = flow.accountId ? tally.accounts.get(flow.accountId) : undefined;
  const currency = account?.currency ?? 'USD';
  const undone = (entry: RecentImport): boolean =>
    flow.recent.some((item) => item.batch === entry.batch && item.undone);

  return (
    <>
      {(step.kind === 'mapping' || step.kind === 'review') && (
        <FileSummary fileName={flow.fileName} format={flow.format} accountName={account?.name ?? ''} />
      )}
      {step.kind === 'choose' && <ChooseStep accounts={accounts} onChoose={flow.choose} />}
      {step.kind === 'working' && (
        <ProgressStep fileName={flow.fileName} progress={step.progress} onCancel={flow.reset} />
      )}
      {step.kind === 'mapping' && (
        <MappingStep
          csv={step.csv}
          initial={step.mapping}
          origin={step.origin}
          currency={currency}
          onContinue={(mapping) => flow.confirmMapping(step.csv, mapping)}
          onCancel={flow.reset}
        />
      )}
      {step.kind === 'review' && (
        <ReviewStep
          lines={step.lines}
          selection={step.selection}
          currency={currency}
          categories={categories}
          onSelect={(selection) => flow.setStep({ ...step, selection })}
          onCategory={(index, categoryId) =>
            flow.setStep({ ...step, lines: setLineCategory(step.lines, index, categoryId) })
          }
          onConfirm={() => flow.confirm(step.lines, step.selection)}
          onCancel={flow.reset}
        />
      )}
      {step.kind === 'done' && (
        <DoneStep
          entry={step.entry}
          accountName={account?.name ?? ''}
          currency={currency}
          canUndo={!undone(step.entry)}
          onUndo={flow.undo}
          onAnother={flow.reset}
        />
      )}
      {step.kind === 'failed' && (
        <FailedStep
          fileName={flow.fileName}
          line={step.line}
          code={step.code}
          values={step.values}
          onChooseAnother={flow.reset}
        />
      )}
      {(step.kind === 'choose' || step.kind === 'done') && (
        <RecentImportsList
          recent={flow.recent}
          beingWritten={flow.beingWritten}
          accounts={accounts}
          onUndo={flow.undo}
        />
      )}
    </>
  );
}
