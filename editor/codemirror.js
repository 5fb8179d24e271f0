// The editor bundle: CodeMirror 6 set up for Python lessons.
//
// esbuild bundles this file and its npm dependencies into one minified ES module
// (`cargo xtask dist` runs it; see xtask/src/editor.rs). The app never imports it directly:
// editor/bridge.js loads it on first use, so it never delays a lesson's text. Everything the
// app needs is the handful of functions exported at the end; CodeMirror stays behind them.
import { EditorView } from "codemirror";
import { EditorSelection, EditorState, Prec, StateEffect, StateField, RangeSetBuilder, Annotation, Compartment } from "@codemirror/state";
import {
  Decoration, GutterMarker, ViewPlugin, gutterLineClass, highlightActiveLine,
  highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting, syntaxTree } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { tagHighlighter, tags } from "@lezer/highlight";

// --- Colours: the same `hl-*` classes (and so the same `--hl-*` custom properties in
// style/main.css) as the lessons' static code blocks, which build/highlight.rs colours.

const highlighter = tagHighlighter([
  { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.moduleKeyword], class: "hl-keyword" },
  { tag: [tags.string, tags.special(tags.string)], class: "hl-string" },
  { tag: tags.escape, class: "hl-escape" },
  { tag: tags.comment, class: "hl-comment" },
  { tag: tags.number, class: "hl-number" },
  { tag: [tags.bool, tags.null], class: "hl-constant" },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], class: "hl-def" },
  { tag: tags.meta, class: "hl-decorator" },
  { tag: [tags.arithmeticOperator, tags.compareOperator, tags.bitwiseOperator, tags.updateOperator, tags.definitionOperator], class: "hl-operator" },
]);

// The Python grammar does not single out built-in names and decorators the way the static
// highlighter does; this pass adds them from the syntax tree (so never inside strings).
const BUILTINS = new Set((
  "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod " +
  "compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset " +
  "getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals " +
  "map max memoryview min next object oct open ord pow print property range repr reversed round " +
  "set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ " +
  "BaseException Exception ArithmeticError AssertionError AttributeError BlockingIOError " +
  "BrokenPipeError BufferError ConnectionError EOFError FileExistsError FileNotFoundError " +
  "FloatingPointError GeneratorExit ImportError IndentationError IndexError InterruptedError " +
  "IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError " +
  "NameError NotADirectoryError NotImplementedError OSError OverflowError PermissionError " +
  "RecursionError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError " +
  "SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError " +
  "UnicodeEncodeError UnicodeError ValueError ZeroDivisionError Warning UserWarning " +
  "DeprecationWarning RuntimeWarning"
).split(" "));
const CONSTANTS = new Set(["NotImplemented", "Ellipsis", "__debug__"]);
const DUNDER = /^__\w+__$/;
const builtinMark = Decoration.mark({ class: "hl-builtin" });
const constantMark = Decoration.mark({ class: "hl-constant" });
const decoratorMark = Decoration.mark({ class: "hl-decorator" });

function extraMarks(view) {
  const builder = new RangeSetBuilder();
  const { doc } = view.state;
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(view.state).iterate({
      from, to,
      enter(node) {
        if (node.name === "Decorator") {
          const line = doc.lineAt(node.from);
          builder.add(node.from, Math.min(node.to, line.to), decoratorMark);
          return false;
        }
        if (node.name !== "VariableName" && node.name !== "PropertyName") return;
        const name = doc.sliceString(node.from, node.to);
        if (CONSTANTS.has(name)) builder.add(node.from, node.to, constantMark);
        else if (DUNDER.test(name) || (node.name === "VariableName" && BUILTINS.has(name))) {
          builder.add(node.from, node.to, builtinMark);
        }
      },
    });
  }
  return builder.finish();
}

const pythonExtras = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = extraMarks(view); }
  update(update) {
    if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
      this.decorations = extraMarks(update.view);
    }
  }
}, { decorations: (plugin) => plugin.decorations });

// --- The error line of the last run: marked until the code changes.

const setErrorLine = StateEffect.define();
const errorLineDecoration = Decoration.line({ class: "cm-errorLine", attributes: { title: "The last run stopped with an error on this line" } });
const errorGutterMarker = new (class extends GutterMarker { elementClass = "cm-errorLineGutter"; })();

const errorLine = StateField.define({
  create: () => 0,
  update(line, tr) {
    for (const effect of tr.effects) if (effect.is(setErrorLine)) return effect.value;
    return tr.docChanged ? 0 : line;
  },
});

const errorLineMarks = EditorView.decorations.compute([errorLine, "doc"], (state) => {
  const line = state.field(errorLine);
  if (line < 1 || line > state.doc.lines) return Decoration.none;
  return Decoration.set([errorLineDecoration.range(state.doc.line(line).from)]);
});
const errorLineGutter = gutterLineClass.compute([errorLine, "doc"], (state) => {
  const line = state.field(errorLine);
  if (line < 1 || line > state.doc.lines) return new RangeSetBuilder().finish();
  const builder = new RangeSetBuilder();
  builder.add(state.doc.line(line).from, state.doc.line(line).from, errorGutterMarker);
  return builder.finish();
});

// --- Keys

/** Tab: with nothing selected, spaces up to the next multiple of four; with a selection,
 *  indent the selected lines. Shift-Tab dedents. (Escape, then Tab, leaves the editor:
 *  CodeMirror's own tab-focus escape.) */
function tabForward(view) {
  const { state } = view;
  if (state.selection.ranges.some((range) => !range.empty)) return indentMore(view);
  view.dispatch(state.changeByRange((range) => {
    const line = state.doc.lineAt(range.head);
    const column = range.head - line.from;
    const spaces = " ".repeat(4 - (column % 4));
    return { changes: { from: range.head, insert: spaces }, range: EditorSelection.cursor(range.head + spaces.length) };
  }), { scrollIntoView: true, userEvent: "input.indent" });
  return true;
}

// --- Themes: the page's custom properties, so light and dark follow prefers-color-scheme
// (and any theme switch that sets those properties).

const theme = EditorView.theme({
  "&": {
    color: "var(--text)", backgroundColor: "var(--code-bg)", fontSize: "16px",
    border: "1px solid var(--border)", borderRadius: "6px",
    maxHeight: "var(--editor-max-height, 70vh)",
  },
  "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "2px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5", overflow: "auto" },
  ".cm-content, .cm-gutter": { minHeight: "var(--editor-min-height, 14rem)" },
  ".cm-content": { caretColor: "var(--text)", padding: "0.6rem 0" },
  ".cm-line": { padding: "0 0.75rem 0 0.5rem" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)", borderLeftWidth: "2px" },
  ".cm-gutters": {
    backgroundColor: "var(--code-bg)", color: "var(--muted)", border: "none",
    borderRight: "1px solid var(--border)", borderRadius: "6px 0 0 6px",
  },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 0.4rem 0 0.6rem", minWidth: "2.2em" },
  ".cm-activeLine": { backgroundColor: "var(--editor-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active-line)", color: "var(--text)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--editor-bracket)", outline: "1px solid var(--muted)" },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "var(--error-bg)", outline: "1px solid var(--error-border)" },
  ".cm-selectionMatch": { backgroundColor: "var(--editor-match)" },
  ".cm-searchMatch": { backgroundColor: "var(--editor-match)", outline: "1px solid var(--focus)" },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "var(--editor-bracket)" },
  ".cm-errorLine": { backgroundColor: "var(--error-bg)", boxShadow: "inset 3px 0 0 var(--error-text)" },
  ".cm-errorLineGutter": { color: "var(--error-text)", fontWeight: "700", backgroundColor: "var(--error-bg)" },
  ".cm-panels": { backgroundColor: "var(--surface)", color: "var(--text)" },
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--border)" },
  ".cm-panels.cm-panels-top": { borderBottom: "1px solid var(--border)" },
  ".cm-panel.cm-search": { padding: "0.4rem 2rem 0.4rem 0.5rem", fontFamily: "var(--sans)" },
  // 16px: phones do not zoom in when the search fields get focus.
  ".cm-panel input, .cm-panel button, .cm-panel label": { fontSize: "16px" },
  ".cm-textfield": {
    backgroundColor: "var(--bg)", color: "var(--text)", border: "1px solid var(--border)", borderRadius: "4px",
  },
  ".cm-button": {
    backgroundImage: "none", backgroundColor: "var(--surface)", color: "var(--accent)",
    border: "1px solid var(--accent)", borderRadius: "4px", minHeight: "2rem",
  },
  ".cm-panel.cm-search [name=close]": { color: "var(--muted)", fontSize: "20px" },
});

const darkQuery = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
const External = Annotation.define();

// --- The API the app uses (through editor/bridge.js).

/**
 * Creates an editor in `parent` holding `text`. `options`: `label` (its accessible name),
 * `describedBy` (id of the hint saying how to leave it), `onRun` (called on Ctrl/Cmd+Enter),
 * `cursor` and `selectionEnd` (the initial selection as UTF-16 offsets, optional: what the
 * stand-in textarea had selected). Returns a handle for the functions below.
 */
export function create(parent, text, options = {}) {
  const listeners = [];
  const dark = new Compartment();
  const clamp = (offset) => Math.min(Math.max(offset ?? 0, 0), text.length);
  const cursor = clamp(options.cursor);
  const selectionEnd = clamp(options.selectionEnd ?? options.cursor);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      selection: { anchor: cursor, head: selectionEnd },
      extensions: [
        Prec.highest(keymap.of([
          { key: "Mod-Enter", run: () => { options.onRun?.(); return true; } },
          { key: "Tab", run: tabForward, shift: indentLess },
        ])),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: false }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap]),
        python(),
        syntaxHighlighting(highlighter),
        pythonExtras,
        EditorState.tabSize.of(4),
        indentUnit.of("    "),
        errorLine,
        errorLineMarks,
        errorLineGutter,
        theme,
        dark.of(EditorView.darkTheme.of(Boolean(darkQuery?.matches))),
        EditorView.contentAttributes.of({
          class: "code-editor",
          // Already focusable (contenteditable); said outright so that checkers see the
          // scrolling editor as reachable by keyboard.
          tabindex: "0",
          "aria-label": options.label ?? "Code",
          ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
          autocapitalize: "off",
          autocorrect: "off",
          spellcheck: "false",
          translate: "no",
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || update.transactions.some((tr) => tr.annotation(External))) return;
          const text = update.state.doc.toString();
          for (const listener of listeners) listener(text);
        }),
      ],
    }),
  });
  const onScheme = (event) => view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(event.matches)) });
  darkQuery?.addEventListener("change", onScheme);
  return { view, listeners, onScheme };
}

/** The editor's text. */
export function getText(handle) {
  return handle.view.state.doc.toString();
}

/** Replaces the text (as the app does for "Reset" or "Open in editor"); change listeners are
 *  not called for it. The cursor goes to the end. */
export function setText(handle, text) {
  const { view } = handle;
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: text.length },
    annotations: External.of(true),
  });
}

/** Calls `callback(text)` after each change the learner makes. */
export function onChange(handle, callback) {
  handle.listeners.push(callback);
}

/** Marks the 1-based `line` as where the last run failed (0 clears); the next edit clears it. */
export function markErrorLine(handle, line) {
  const { view } = handle;
  const valid = line >= 1 && line <= view.state.doc.lines;
  const effects = [setErrorLine.of(valid ? line : 0)];
  if (valid) effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }));
  view.dispatch({ effects });
}

/** Moves keyboard focus into the editor. */
export function focus(handle) {
  handle.view.focus();
}

/** Removes the editor from the page. */
export function destroy(handle) {
  darkQuery?.removeEventListener("change", handle.onScheme);
  handle.listeners.length = 0;
  handle.view.destroy();
}
