import type { HistoryEventView } from '../../../history/history-event.view.js';

export function actionLabel(event: HistoryEventView): string {
  switch (event.action) {
    case 'created':
      return 'Created';
    case 'updated':
      return 'Fields edited';
    case 'transitioned':
      return 'State changed';
    case 'corrected':
      return 'Record corrected';
    case 'retracted':
      // A withdrawn position moves its party's stance back; a withdrawn transition, the state.
      return 'stance' in event.changes
        ? 'Position retracted'
        : 'score' in event.changes
          ? 'Assessment retracted'
          : 'Transition retracted';
    case 'positioned':
      return 'Position taken';
    case 'assessed':
      return 'Compliance assessed';
  }
}
