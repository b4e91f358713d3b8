import { notifications } from '@mantine/notifications';

/** A short confirmation that something was saved. Its close button needs a name for screen readers. */
export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Dismiss message' } });
}
