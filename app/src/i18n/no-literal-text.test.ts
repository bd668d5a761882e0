import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const SOURCE = fileURLToPath(new URL('..', import.meta.url));
/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'placeholder',
  'title',
  'alt',
  'label',
]);
const WORDS = /\p{L}{2,}/u;
/** Operators whose operands can end up on screen; a comparison's cannot. */
const TEXT_OPERATORS = new Set([
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.PlusToken,
]);

function tsxFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Words written straight into the markup instead of coming from a message catalogue. */
export function literalTextIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1} "${text.trim()}"`);
  };
  const isWordy = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && WORDS.test(node.text);
  const visitChildExpression = (node: ts.Node): void => {
    if (isWordy(node)) report(node, node.text);
    else if (
      ts.isTemplateExpression(node) &&
      [node.head, ...node.templateSpans.map((span) => span.literal)].some((part) => WORDS.test(part.text))
    )
      report(node, node.getText(file));
    else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach(visitChildExpression);
    else if (ts.isParenthesizedExpression(node)) visitChildExpression(node.expression);
    else if (ts.isBinaryExpression(node) && TEXT_OPERATORS.has(node.operatorToken.kind))
      [node.left, node.right].forEach(visitChildExpression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      visitChildExpression(node.expression);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer) && WORDS.test(node.initializer.text))
        report(node, node.initializer.text);
      if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
        visitChildExpression(node.initializer.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('every word on screen comes from a message catalogue, none is written into the markup', () => {
  const found = tsxFiles(SOURCE).flatMap((path) => literalTextIn(relative(SOURCE, path), readFileSync(path, 'utf8')));
  expect(found).toEqual([]);
});

test('the check finds words in text, in attributes people hear and in conditional text', () => {
  const source = `const a = <p title="Close it" className="x y">Hello {ok ? 'Yes' : t('no')} {\`\${n} items\`}</p>;`;
  expect(literalTextIn('x.tsx', source)).toEqual([
    'x.tsx:1 "Close it"',
    'x.tsx:1 "Hello"',
    'x.tsx:1 "Yes"',
    `x.tsx:1 "\`\${n} items\`"`,
  ]);
});
