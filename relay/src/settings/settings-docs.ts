import { settingRows } from './relay-settings.js';

const generatedBy = 'npm run settings-docs -w relay';
const tableStart = `<!-- settings: generated from src/settings/relay-settings.ts by ${generatedBy} -->`;
const tableEnd = '<!-- end of settings -->';

/** Words wrapped into `# ` comment lines no longer than `width`. */
function comment(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > width && line !== '#') {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

function written(row: ReturnType<typeof settingRows>[number]): string {
  return row.type.write(row.default);
}

/** `.env.example`: every setting with its description, set to its default or, if it has none, commented out. */
export function envExample(): string {
  const lines = [
    ...comment(
      'Tally relay settings. Every one is optional: unset or empty, a setting takes its default, and the defaults suit `npm start` on one machine. A bad value stops the relay at start with a line naming it. relay/README.md#settings has the same list as a table.',
    ),
    '#',
    `# Generated from relay/src/settings/relay-settings.ts by \`${generatedBy}\`.`,
  ];
  for (const row of settingRows()) {
    const value = written(row);
    lines.push(
      '',
      ...comment(row.description),
      value === '' ? `# ${row.env}=${row.example ?? ''}` : `${row.env}=${value}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The settings as a Markdown table, between the markers that let it be replaced in the README. */
export function settingsTable(): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const rows = settingRows().map((row) => {
    const value = written(row);
    return `| \`${row.env}\` | ${value === '' ? 'unset' : `\`${cell(value)}\``} | ${cell(row.description)} |`;
  });
  return [tableStart, '| variable | default | what it sets |', '| --- | --- | --- |', ...rows, tableEnd].join('\n');
}

/** The README with its settings table replaced by the current one. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start === -1 || end < start)
    throw new Error(`the README has no settings table between ${tableStart} and ${tableEnd}`);
  return readme.slice(0, start) + settingsTable() + readme.slice(end + tableEnd.length);
}
