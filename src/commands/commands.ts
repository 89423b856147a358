/// <reference types="office-js" />
/**
 * The manifest's FunctionFile. The ribbon button only opens the task pane (ShowTaskpane), so no
 * function is registered yet; Office still loads this page and waits for `Office.onReady`.
 * A future ExecuteFunction command registers here with `Office.actions.associate(name, handler)`.
 */

/** Marks an add-in command as done; Office shows a spinner on the button until this is called. */
export function completeCommand(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== 'undefined') {
  void Office.onReady();
}
