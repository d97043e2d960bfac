import { css } from './css.js';

/** Out of sight but read by screen readers, and kept out of a copied selection (user-select). */
export const visuallyHiddenRules = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  user-select: none;
`;

/** `.sr` for the elements with a shadow root. */
export const visuallyHidden = css`
  .sr {
    ${visuallyHiddenRules}
  }
`;
