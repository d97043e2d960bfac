import { css } from 'lit';

/**
 * `.sr`: read by screen readers, out of sight, and kept out of a copied
 * selection (user-select), for the elements with a shadow root.
 */
export const visuallyHidden = css`
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    user-select: none;
  }
`;
