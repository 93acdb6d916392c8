import { render } from 'preact';
import { Options } from '../../components/options/Options';
import { createHistoryApi } from '../../components/shared/history-api';
import { createSettingsApi } from '../../components/shared/settings-api';
import '../../components/shared/theme.css';
// The highlights' own rules: the colour key paints with them (components/shared/ColourKey.tsx).
import '../highlights.content.css';
import '../../components/options/options.css';

const root = document.getElementById('app');
if (root) render(<Options settings={createSettingsApi()} history={createHistoryApi()} />, root);
