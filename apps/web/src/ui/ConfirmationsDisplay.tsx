import { Notifications } from '@mantine/notifications';

/** Where confirmations appear; a module of its own so that it loads only when the first is shown. */
export function ConfirmationsDisplay() {
  return <Notifications position="top-right" />;
}
