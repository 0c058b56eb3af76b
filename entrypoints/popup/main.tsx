import { render } from 'preact';
render(<main>Attune</main>, document.getElementById('app')!);
