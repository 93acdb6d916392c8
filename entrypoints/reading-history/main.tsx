import { render } from 'preact';
import { HistoryPage } from '../../components/history/HistoryPage';
import { createHistoryApi } from '../../components/shared/history-api';
import '../../components/shared/theme.css';
import '../../components/history/history.css';

const root = document.getElementById('app');
if (root) render(<HistoryPage api={createHistoryApi()} />, root);
