/**
 * Reading and writing workbook files (src/xlsx/load.ts, src/xlsx/node.ts, src/cli/safe-file.ts): why a
 * file cannot be opened or written, and what to do. `name` is the file as the user gave it.
 */
import { msg } from './entry';

export const FILE_MESSAGES = {
  // opening bytes that are no readable .xlsx
  'file.empty': msg(
    (p: { name: string }) => `${p.name} は空のファイルです（0バイト）。Excelで開いて保存し直してください。`,
    (p) => `${p.name} is an empty file (0 bytes); open it in Excel and save it again.`,
  ),
  'file.not-workbook': msg(
    (p: { name: string }) => `${p.name} は zip ファイルですが Excel ブックではありません（Word などの別形式か、別の圧縮ファイル）。Excelで .xlsx として保存したファイルを指定してください。`,
    (p) => `${p.name} is a zip file but not an Excel workbook (another Office format or another archive); give a file saved as .xlsx by Excel.`,
  ),
  'file.encrypted': msg(
    (p: { name: string }) => `${p.name} はパスワードで保護（暗号化）されています。Excelでパスワードを解除して保存し直してください。`,
    (p) => `${p.name} is password-protected (encrypted); remove the password in Excel and save it again.`,
  ),
  'file.xls': msg(
    (p: { name: string }) => `${p.name} は古い Excel 97-2003 形式 (.xls) です。Excelで「Excel ブック (*.xlsx)」として保存し直してください。`,
    (p) => `${p.name} is an old Excel 97-2003 workbook (.xls); save it as "Excel Workbook (*.xlsx)" in Excel.`,
  ),
  'file.cfb': msg(
    (p: { name: string }) => `${p.name} は .xlsx ではなく、暗号化されたブックか古い .xls 形式のファイルです。Excelで .xlsx として保存し直してください。`,
    (p) => `${p.name} is not an .xlsx but an encrypted workbook or an old .xls file; save it as .xlsx in Excel.`,
  ),
  'file.text': msg(
    (p: { name: string }) => `${p.name} は .xlsx ではなくテキスト（CSV など）です。Excelで開き「Excel ブック (*.xlsx)」として保存してください。`,
    (p) => `${p.name} is not an .xlsx but a text file (CSV or similar); open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
  ),
  'file.not-zip': msg(
    (p: { name: string }) => `${p.name} は .xlsx ファイルではありません（形式を認識できません）。Excelで .xlsx として保存したファイルを指定してください。`,
    (p) => `${p.name} is not an .xlsx file (unknown format); give a file saved as .xlsx by Excel.`,
  ),
  'file.corrupt': msg(
    (p: { name: string; detail: string }) => `${p.name} は壊れているか途中で切れています（${p.detail}）。元のファイルをもう一度保存するかコピーし直してください。`,
    (p) => `${p.name} is damaged or truncated (${p.detail}); save or copy the original file again.`,
  ),
  // reading a path (CLI)
  'file.folder': msg((p: { name: string }) => `${p.name} はフォルダーです。.xlsx ファイルを指定してください。`, (p) => `${p.name} is a folder; give an .xlsx file.`),
  'file.missing': msg((p: { name: string }) => `ファイル ${p.name} が見つかりません。パスを確かめてください。`, (p) => `File ${p.name} not found; check the path.`),
  'file.no-read-permission': msg((p: { name: string }) => `ファイル ${p.name} を読む権限がありません。`, (p) => `No permission to read ${p.name}.`),
  'file.unreadable': msg((p: { name: string; code: string }) => `ファイル ${p.name} を読めません（${p.code}）。`, (p) => `Cannot read ${p.name} (${p.code}).`),
  // replacing a file on disk (CLI): refused with what to do
  'file.open-in-excel': msg(
    (p: { name: string; lock: string }) => `${p.name} は Excel で開かれています（${p.lock} があります）。Excel で閉じてから実行してください。`,
    (p) => `${p.name} is open in Excel (${p.lock} exists); close it in Excel and run again.`,
  ),
  'file.busy': msg(
    (p: { name: string; pid: string }) => `${p.name} には別の kpi-progress が書き込み中です（プロセス ${p.pid}）。終わってから実行してください。`,
    (p) => `another kpi-progress (process ${p.pid}) is writing ${p.name}; run again when it has finished.`,
  ),
  'file.changed': msg(
    (p: { name: string }) => `${p.name} は読み込んだ後に変更されました（別のプログラムが保存しました）。上書きせずに止めました。もう一度実行してください。`,
    (p) => `${p.name} changed after it was read (another program saved it); nothing was overwritten. Run again.`,
  ),
  'file.not-a-file': msg((p: { name: string }) => `${p.name} はファイルではありません。`, (p) => `${p.name} is not a file.`),
  'file.read-only': msg(
    (p: { name: string }) => `${p.name} は読み取り専用です。書き込みできるようにするか、別の出力先を指定してください。`,
    (p) => `${p.name} is read-only; make it writable or give another output.`,
  ),
  'file.no-write-permission': msg((p: { name: string }) => `${p.name} に書き込む権限がありません。`, (p) => `no permission to write ${p.name}.`),
  'file.cannot-write': msg(
    (p: { name: string; code: string }) => `${p.name} に書き込めません（${p.code}）。フォルダーと権限を確かめてください。`,
    (p) => `cannot write ${p.name} (${p.code}); check the folder and permissions.`,
  ),
};
