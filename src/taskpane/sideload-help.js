#!/usr/bin/env node
/*
 * `npm start`: how to sideload the add-in by hand. office-addin-debugging is not used: it cannot
 * sideload on Linux, and its dependencies do not build offline. This only prints the steps.
 */
const lines = [
  'Avvikelse – så läser du in tillägget i Excel för hand (sidoinläsning)',
  '',
  '1. Starta utvecklingsservern i ett eget terminalfönster:',
  '     npm run dev-server          (https://localhost:3000, med Office-utvecklarcertifikat)',
  '   Första gången: npx office-addin-dev-certs install  – och lita på certifikatet (kräver admin).',
  '',
  '2. Läs in manifest.xml (pekar på https://localhost:3000):',
  '   • Excel på webben: Infoga → Tillägg → Mina tillägg → Ladda upp mitt tillägg → välj manifest.xml.',
  '   • Excel för Windows: dela en mapp med manifest.xml, lägg till den som betrodd tilläggskatalog',
  '     (Arkiv → Alternativ → Säkerhetscenter → Betrodda tilläggskataloger), starta om Excel och',
  '     välj Infoga → Mina tillägg → Delad mapp.',
  '   • Excel för Mac: kopiera manifest.xml till',
  '     ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ och starta om Excel.',
  '',
  '3. Öppna fliken Start → Avvikelse. Aktivitetsfönstret laddas från dev-servern, och Office.js från',
  '   Microsofts CDN (appsforoffice.microsoft.com) – datorn behöver nå den adressen.',
  '',
  '4. Kör Självtest (menyn ⋯ i fönstret) och klistra in resultatet i ett ärende.',
  '',
  'Excel måste ha ExcelApi 1.9: Excel på webben, Microsoft 365 (Windows 1903, Mac 16.24) eller Office 2021+.',
  '',
  'Utan Excel: npm run demo:pane visar fönstret i webbläsaren med en exempelarbetsbok i minnet.',
  'Produktion: ADDIN_URL=https://din.server/avvikelse npm run build, publicera dist/ och dela',
  'dist/manifest.xml (URL:erna är då utbytta) via administratörscentret för Microsoft 365.',
];
console.log(lines.join('\n'));
