/** How the menu button (⋯) looks, the same before and after its menu has loaded. */
export const moreButton = { appearance: 'subtle', size: 'small', 'aria-label': 'Mer', title: 'Mer', children: '⋯' } as const;
