/**
 * The Vant pieces the resident pages use, with only the CSS they need. Vant's per-component style
 * entries also pull in its 45 KB icon font; we show no icons, and on a weak 3G network in a county
 * that font would cost more than every resident page together. Import Vant from here, not from 'vant'.
 */
import 'vant/es/style/base.css';
import 'vant/es/loading/index.css';
import 'vant/es/button/index.css';
import 'vant/es/overlay/index.css';
import 'vant/es/popup/index.css';
import 'vant/es/action-bar/index.css';
import 'vant/es/action-bar-button/index.css';
import 'vant/es/dialog/index.css';
import 'vant/es/cell/index.css';
import 'vant/es/collapse-item/index.css';

export { Button as VanButton, Collapse as VanCollapse, CollapseItem as VanCollapseItem, Loading as VanLoading, showConfirmDialog } from 'vant';
