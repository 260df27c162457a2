/** Vant's progress bar for the county's import pages, with its own CSS only (no icon font; see ./vant.ts). */
import 'vant/es/style/base.css';
import 'vant/es/progress/index.css';

export { Progress as VanProgress } from 'vant';
