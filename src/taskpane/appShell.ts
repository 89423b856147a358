/**
 * The app shell: the introduction's first frame as static HTML in taskpane.html, on screen before the
 * script has run (issue 12: first paint). React's first view replaces it without a frame between them,
 * and a press of its "Kom igång" made before React arrived is not lost.
 */
const SHELL_ID = 'app-shell';

/** Whether "Kom igång" in the shell was pressed before React's introduction was there. */
export function shellContinued(): boolean {
  return document.getElementById(SHELL_ID)?.getAttribute('data-continued') === '1';
}

/**
 * Removes the shell as soon as React has put anything in `container`: at once after a synchronous first
 * render, else (a dark pane waits for its theme's chunk, a start problem replaces the view) from a
 * mutation observer, whose callback runs before the browser paints the frame React's commit made.
 */
export function replaceShellWhenRendered(container: HTMLElement): void {
  const shell = document.getElementById(SHELL_ID);
  if (!shell) return;
  if (container.firstChild) return shell.remove();
  const observer = new MutationObserver(() => {
    if (!container.firstChild) return;
    observer.disconnect();
    shell.remove();
  });
  observer.observe(container, { childList: true });
}
