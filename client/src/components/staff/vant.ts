/**
 * The Vant pieces the workbench uses, with only their CSS. Vant's per-component style entries also pull in
 * its icon font, whose fallback URL points at a CDN the CSP (rightly) blocks; we show no Vant icons.
 * Staff components import Vant from here, not through the auto-import tags.
 */
import 'vant/es/style/base.css';
import 'vant/es/loading/index.css';
import 'vant/es/button/index.css';
import 'vant/es/list/index.css';
import 'vant/es/pull-refresh/index.css';
import 'vant/es/overlay/index.css';
import 'vant/es/popup/index.css';
import 'vant/es/action-sheet/index.css';
import 'vant/es/toast/index.css';
import 'vant/es/dialog/index.css';

export {
  ActionSheet as VanActionSheet,
  Button as VanButton,
  List as VanList,
  Loading as VanLoading,
  Popup as VanPopup,
  PullRefresh as VanPullRefresh,
  showConfirmDialog,
  showToast,
} from 'vant';
export type { ActionSheetAction } from 'vant';
