/**
 * download.html: Excel for Mac opens it in the user's own browser (`openBrowserWindow`) with the Word
 * file in the address's fragment, which the browser never sends to a server. Here, in a real browser,
 * a Blob download works: the file is saved, and a link offers it again.
 */
import { fileFromFragment } from './model/downloadLink';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function offer(): void {
  const status = document.getElementById('status');
  if (!status) return;
  const file = fileFromFragment(window.location.hash);
  if (!file) {
    status.textContent = 'Här finns ingen Word-fil att hämta. Skapa den igen med Ladda ner Word-fil i Avvikelse.';
    return;
  }
  const url = URL.createObjectURL(new Blob([file.bytes], { type: DOCX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.textContent = `Spara ${file.fileName} igen`;
  link.setAttribute('data-testid', 'download-link');
  status.textContent = `Word-filen ${file.fileName} laddas ner. Du kan stänga fliken när den är sparad. `;
  status.append(link);
  link.click();
}

offer();
