/**
 * The app shell: the pane's first frame as static HTML in taskpane.html (the introduction for a new
 * user, the working view's stand-in for a returning one), on screen before the script has run (issue
 * 12: first paint). React's first view replaces it without a frame between them, its spinner goes on
 * turning where the shell's was, and a press of "Kom igång" made before React arrived is not lost.
 */
const SHELL_ID = 'app-shell';

/** Whether "Kom igång" in the shell was pressed before React's introduction was there. */
export function shellContinued(): boolean {
  return document.getElementById(SHELL_ID)?.getAttribute('data-continued') === '1';
}

/** The running animations of the first spinner in `root` (its ring, tail and the tail's two arcs), in document order. */
function spinnerAnimations(root: Element): Animation[] {
  const spinner = root.querySelector('[role="progressbar"]');
  return spinner && typeof spinner.getAnimations === 'function' ? spinner.getAnimations({ subtree: true }) : [];
}

/**
 * React's spinner takes up the shell's where it is in its turn, not from the start: the same keyframes
 * (taskpane.html copies Fluent's), so the same start time draws the same frame.
 */
function continueSpinner(shell: Element, container: Element): void {
  const from = spinnerAnimations(shell);
  const to = spinnerAnimations(container);
  if (from.length === 0 || from.length !== to.length) return;
  to.forEach((animation, i) => {
    if (from[i].startTime !== null) animation.startTime = from[i].startTime;
  });
}

function replace(shell: Element, container: Element): void {
  continueSpinner(shell, container);
  shell.remove();
}

/**
 * Removes the shell as soon as React has put anything in `container`: at once after a synchronous first
 * render, else (a dark pane waits for its theme's chunk, a start problem replaces the view) from a
 * mutation observer, whose callback runs before the browser paints the frame React's commit made.
 */
export function replaceShellWhenRendered(container: HTMLElement): void {
  const shell = document.getElementById(SHELL_ID);
  if (!shell) return;
  if (container.firstChild) return replace(shell, container);
  const observer = new MutationObserver(() => {
    if (!container.firstChild) return;
    observer.disconnect();
    replace(shell, container);
  });
  observer.observe(container, { childList: true });
}
