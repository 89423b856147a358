/** The pane's small menu (⋯): Självtest. A chunk of its own (see lazyParts); the pane shows `moreButton` until it has loaded. */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { moreButton } from './moreButton';

export function MoreMenu({ className, onSelfTest }: { className?: string; onSelfTest(): void }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button {...moreButton} className={className} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={onSelfTest}>Självtest</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
