<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name></name>
    <message>
        <source>Something went wrong</source>
        <translation>Si è verificato un problema</translation>
    </message>
    <message>
        <source>The window goes on; your catalog and the files already exported are not affected.</source>
        <translation>La finestra resta aperta; il catalogo e i file già esportati non sono stati toccati.</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln asset(s) done</source>
        <translation>
            <numerusform>{done} di %Ln risorsa completate</numerusform>
            <numerusform>{done} di %Ln risorse completate</numerusform>
        </translation>
    </message>
    <message>
        <source>The export “{title}” was interrupted ({progress}). Resume finishes the rest.</source>
        <translation>L’esportazione “{title}” è stata interrotta ({progress}). Riprendi completa il resto.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln exports were interrupted. Resume finishes the newest, “{title}” ({progress}); the others are in the Jobs panel.</source>
        <translation>
            <numerusform>%Ln esportazione è stata interrotta. Riprendi completa la più recente, “{title}” ({progress}); le altre sono nel pannello Processi.</numerusform>
            <numerusform>%Ln esportazioni sono state interrotte. Riprendi completa la più recente, “{title}” ({progress}); le altre sono nel pannello Processi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>The catalog cannot be opened</source>
        <translation>Impossibile aprire il catalogo</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tutti i tipi</translation>
    </message>
    <message>
        <source>Exportable</source>
        <translation>Esportabili</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Immagini</translation>
    </message>
    <message>
        <source>Video and audio</source>
        <translation>Video e audio</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>Sets (not exportable)</source>
        <translation>Set (non esportabili)</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Cartelle</translation>
    </message>
    <message>
        <source>All assets</source>
        <translation>Tutte le risorse</translation>
    </message>
    <message>
        <source>Your catalog is empty</source>
        <translation>Il catalogo è vuoto</translation>
    </message>
    <message>
        <source>Import images, videos and documents — or start with the demo collection to try modifiers, macros and the preview.</source>
        <translation>Importa immagini, video e documenti, oppure inizia con la raccolta dimostrativa per provare modificatori, macro e anteprima.</translation>
    </message>
    <message>
        <source>Load the demo collection</source>
        <translation>Carica la raccolta dimostrativa</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importa file…</translation>
    </message>
    <message>
        <source>Search by name  (Ctrl+F)</source>
        <translation>Cerca per nome  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search assets by name</source>
        <translation>Cerca risorse per nome</translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation>Filtra per tipo</translation>
    </message>
    <message>
        <source>Show only some asset types</source>
        <translation>Mostra solo alcuni tipi di risorse</translation>
    </message>
    <message>
        <source>Loading the catalog…</source>
        <translation>Caricamento del catalogo…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln immagine</numerusform>
            <numerusform>%Ln immagini</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other asset(s)</source>
        <translation>
            <numerusform>%Ln altra risorsa</numerusform>
            <numerusform>%Ln altre risorse</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticked {images}; {others} left out: Convert renders images only (choose Original to export them)</source>
        <translation>Spuntate {images}; escluse {others}: Converti elabora solo immagini (scegli Originale per esportarle)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) imported</source>
        <translation>
            <numerusform>%Ln file importato</numerusform>
            <numerusform>%Ln file importati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln duplicato ignorato</numerusform>
            <numerusform>%Ln duplicati ignorati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) rejected</source>
        <translation>
            <numerusform>%Ln file rifiutato</numerusform>
            <numerusform>%Ln file rifiutati</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Importazione annullata.</translation>
    </message>
    <message>
        <source>Already in the catalog:</source>
        <translation>Già presenti nel catalogo:</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… e %Ln altro</numerusform>
            <numerusform>… e altri %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Non importati:</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Importa file…</translation>
    </message>
    <message>
        <source>Import files into the catalog (Ctrl+I)</source>
        <translation>Importa file nel catalogo (Ctrl+I)</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importa &amp;cartella…</translation>
    </message>
    <message>
        <source>Import a folder and its subfolders (Ctrl+Shift+I)</source>
        <translation>Importa una cartella e le sue sottocartelle (Ctrl+Maiusc+I)</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importa file</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>Importa cartella</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importazione in corso…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importazione</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importazione di {file}…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importazione completata</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>Will be written as</source>
        <translation>Verrà scritto come</translation>
    </message>
    <message>
        <source>Tick every asset in view that the current options can export (Ctrl+Shift+A)</source>
        <translation>Spunta tutte le risorse visibili che le opzioni correnti possono esportare (Ctrl+Maiusc+A)</translation>
    </message>
    <message>
        <source>The output file name of each ticked asset, from the current options</source>
        <translation>Il nome del file di output di ogni risorsa spuntata, secondo le opzioni correnti</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>non esportata</translation>
    </message>
    <message numerus="yes">
        <source> (%Ln member(s))</source>
        <translation>
            <numerusform> (%Ln membro)</numerusform>
            <numerusform> (%Ln membri)</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}{members}: {reason}. It cannot be ticked.</source>
        <translation>{name}{members}: {reason}. Non può essere spuntata.</translation>
    </message>
    <message>
        <source>Reading the job log…</source>
        <translation>Lettura del registro dei processi…</translation>
    </message>
    <message>
        <source>Job history</source>
        <translation>Cronologia dei processi</translation>
    </message>
    <message>
        <source>No jobs yet: every export is listed here.</source>
        <translation>Ancora nessun processo: qui compare ogni esportazione.</translation>
    </message>
    <message>
        <source>No jobs</source>
        <translation>Nessun processo</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Read the job log again</source>
        <translation>Rileggi il registro dei processi</translation>
    </message>
    <message>
        <source>Finish the assets a stopped job (cancelled, failed or killed) did not get to</source>
        <translation>Completa le risorse che un processo fermato (annullato, non riuscito o terminato) non ha raggiunto</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Riprova errori</translation>
    </message>
    <message>
        <source>Export again the assets that failed in this job</source>
        <translation>Esporta di nuovo le risorse non riuscite in questo processo</translation>
    </message>
    <message>
        <source>Save log as CSV…</source>
        <translation>Salva CSV…</translation>
    </message>
    <message>
        <source>Write this job&apos;s log as CSV</source>
        <translation>Salva il registro di questo processo in formato CSV</translation>
    </message>
    <message>
        <source>Save log as JSON…</source>
        <translation>Salva JSON…</translation>
    </message>
    <message>
        <source>Write this job&apos;s log as JSON</source>
        <translation>Salva il registro di questo processo in formato JSON</translation>
    </message>
    <message>
        <source>Selected job</source>
        <translation>Processo selezionato</translation>
    </message>
    <message>
        <source>Mail of the selected job</source>
        <translation>E-mail del processo selezionato</translation>
    </message>
    <message>
        <source>Show {type} lines</source>
        <translation>Mostra le righe {type}</translation>
    </message>
    <message>
        <source>Show the assets whose result is {type}</source>
        <translation>Mostra le risorse con esito {type}</translation>
    </message>
    <message>
        <source>Log of the selected job</source>
        <translation>Registro del processo selezionato</translation>
    </message>
    <message>
        <source>Jobs and log</source>
        <translation>Processi e registro</translation>
    </message>
    <message>
        <source>Jobs panel message</source>
        <translation>Messaggio del pannello Processi</translation>
    </message>
    <message>
        <source>About the selected job</source>
        <translation>Informazioni sul processo selezionato</translation>
    </message>
    <message>
        <source>The job log cannot be read: {reason}</source>
        <translation>Impossibile leggere il registro dei processi: {reason}</translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation>Nessun processo selezionato.</translation>
    </message>
    <message>
        <source>{job}: {done} of {total} done, {state}</source>
        <translation>{job}: {done} di {total} completate, {state}</translation>
    </message>
    <message>
        <source>Mail: {warning}</source>
        <translation>E-mail: {warning}</translation>
    </message>
    <message>
        <source>Save log as CSV</source>
        <translation>Salva registro come CSV</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>File CSV</translation>
    </message>
    <message>
        <source>Save log as JSON</source>
        <translation>Salva registro come JSON</translation>
    </message>
    <message>
        <source>JSON files</source>
        <translation>File JSON</translation>
    </message>
    <message>
        <source>The log was not saved to {path}: {reason}</source>
        <translation>Il registro non è stato salvato in {path}: {reason}</translation>
    </message>
    <message>
        <source>Log saved to {path}.</source>
        <translation>Registro salvato in {path}.</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completato</translation>
    </message>
    <message>
        <source>running</source>
        <translation>in corso</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annullato</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrotto</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Riuscito</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Job {handle}</source>
        <translation>Processo {handle}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln output(s)</source>
        <translation>
            <numerusform>%Ln output</numerusform>
            <numerusform>%Ln output</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s)</source>
        <translation>
            <numerusform>%Ln risorsa</numerusform>
            <numerusform>%Ln risorse</numerusform>
        </translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Processo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Avvio</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Risorse</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Riuscite</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errori</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Format: {format}</source>
        <translation>Formato: {format}</translation>
    </message>
    <message>
        <source>Destination: {folder}</source>
        <translation>Destinazione: {folder}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln renditions:</source>
        <translation>
            <numerusform>%Ln rappresentazione:</numerusform>
            <numerusform>%Ln rappresentazioni:</numerusform>
        </translation>
    </message>
    <message>
        <source>File names: {template}</source>
        <translation>Nomi dei file: {template}</translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation>Avviato il {time}</translation>
    </message>
    <message>
        <source>Ended {time}</source>
        <translation>Terminato il {time}</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Fermato: {reason}</translation>
    </message>
    <message>
        <source>{state} with {left} of {total} not done: Resume finishes them.</source>
        <translation>{state} con {left} di {total} da completare: Riprendi le completa.</translation>
    </message>
    <message>
        <source>{state}: Resume checks its last files and closes it.</source>
        <translation>{state}: Riprendi controlla gli ultimi file e lo chiude.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Risorsa</translation>
    </message>
    <message>
        <source>Rendition</source>
        <translation>Rappresentazione</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>Non esportato: {reason}</translation>
    </message>
    <message>
        <source>The export stopped: {reason}</source>
        <translation>L’esportazione si è fermata: {reason}</translation>
    </message>
    <message>
        <source>Keep both: number the new file</source>
        <translation>Tieni entrambi: numera il nuovo</translation>
    </message>
    <message>
        <source>Replace the existing file</source>
        <translation>Sostituisci il file esistente</translation>
    </message>
    <message>
        <source>Skip the asset</source>
        <translation>Salta la risorsa</translation>
    </message>
    <message>
        <source>Update: write only what changed</source>
        <translation>Aggiorna: scrivi solo ciò che è cambiato</translation>
    </message>
    <message>
        <source>None — no mail</source>
        <translation>Nessuno — nessuna e-mail</translation>
    </message>
    <message>
        <source>All — start and end of the job</source>
        <translation>Tutto — inizio e fine del processo</translation>
    </message>
    <message>
        <source>JobCompletion — when the job ends</source>
        <translation>JobCompletion — al termine del processo</translation>
    </message>
    <message>
        <source>ErrorAndWarning — errors, warnings</source>
        <translation>ErrorAndWarning — errori e avvisi</translation>
    </message>
    <message>
        <source>Error — only on errors</source>
        <translation>Errore — solo in caso di errori</translation>
    </message>
    <message>
        <source>{name}.{ext} (default)</source>
        <translation>{name}.{ext} (predefinito)</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>Opzioni di esportazione</translation>
    </message>
    <message>
        <source>Renditions of the job</source>
        <translation>Rappresentazioni del processo</translation>
    </message>
    <message>
        <source>What each rendition writes</source>
        <translation>Cosa scrive ogni rappresentazione</translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation>Mo&amp;difica…</translation>
    </message>
    <message>
        <source>Choose and order the presets this job writes</source>
        <translation>Scegli e ordina i preset che questo processo scrive</translation>
    </message>
    <message>
        <source>One rendition</source>
        <translation>Una rappresentazione</translation>
    </message>
    <message>
        <source>Back to one rendition: the form gets the first preset&apos;s format, modifier, macro and file names</source>
        <translation>Torna a una sola rappresentazione: il modulo riprende formato, modificatore, macro e nomi dei file del primo preset</translation>
    </message>
    <message>
        <source>Rendition problem</source>
        <translation>Problema di rappresentazione</translation>
    </message>
    <message>
        <source>&amp;Original file</source>
        <translation>File &amp;originale</translation>
    </message>
    <message>
        <source>fmt=orig: copy the stored bytes unchanged</source>
        <translation>fmt=orig: copia i byte archiviati senza modifiche</translation>
    </message>
    <message>
        <source>&amp;Convert</source>
        <translation>&amp;Converti</translation>
    </message>
    <message>
        <source>fmt=convert: render through the modifier and macro</source>
        <translation>fmt=convert: esegue il rendering con il modificatore e la macro</translation>
    </message>
    <message>
        <source>Image Serving modifier</source>
        <translation>Modificatore Image Serving</translation>
    </message>
    <message>
        <source>Image Serving commands joined by &amp;, e.g. &amp;wid=1200&amp;fmt=png&amp;qlt=85</source>
        <translation>Comandi Image Serving uniti da &amp;, ad es. &amp;wid=1200&amp;fmt=png&amp;qlt=85</translation>
    </message>
    <message>
        <source>Modifier problem</source>
        <translation>Problema del modificatore</translation>
    </message>
    <message>
        <source>Macros…</source>
        <translation>Macro…</translation>
    </message>
    <message>
        <source>Add, edit and delete the catalog&apos;s macros (Ctrl+M)</source>
        <translation>Aggiungi, modifica ed elimina le macro del catalogo (Ctrl+M)</translation>
    </message>
    <message>
        <source>Macro problem</source>
        <translation>Problema della macro</translation>
    </message>
    <message>
        <source>Full folder path, or Choose…</source>
        <translation>Percorso completo della cartella, oppure Scegli…</translation>
    </message>
    <message>
        <source>Choo&amp;se…</source>
        <translation>&amp;Scegli…</translation>
    </message>
    <message>
        <source>Destination problem</source>
        <translation>Problema della destinazione</translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation>Crea cartella</translation>
    </message>
    <message>
        <source>Create the destination folder</source>
        <translation>Crea la cartella di destinazione</translation>
    </message>
    <message>
        <source>&amp;Recreate the catalog&apos;s folders</source>
        <translation>&amp;Ricrea le cartelle del catalogo</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>Modello dei nomi dei file</translation>
    </message>
    <message>
        <source>Name the files from tokens: {name} {ext} {folder} {preset} {wid} {hei} {fmt} {handle} {seq:04} {date:%Y%m%d}; &apos;/&apos; makes folders. Empty: the asset&apos;s name with the format&apos;s extension</source>
        <translation>Nomina i file con i token: {name} {ext} {folder} {preset} {wid} {hei} {fmt} {handle} {seq:04} {date:%Y%m%d}; &apos;/&apos; crea cartelle. Vuoto: il nome della risorsa con l’estensione del formato</translation>
    </message>
    <message>
        <source>File name problem</source>
        <translation>Problema del nome file</translation>
    </message>
    <message>
        <source>e.g. Spring campaign — web</source>
        <translation>ad es. Campagna primavera — web</translation>
    </message>
    <message>
        <source>Mail se&amp;ttings…</source>
        <translation>&amp;Impostazioni e-mail…</translation>
    </message>
    <message>
        <source>Email problem</source>
        <translation>Problema e-mail</translation>
    </message>
    <message>
        <source>reserved, never used</source>
        <translation>riservato, mai usato</translation>
    </message>
    <message>
        <source>Reserved: stored with the job, never used</source>
        <translation>Riservato: salvato con il processo, mai usato</translation>
    </message>
    <message>
        <source>Job problem</source>
        <translation>Problema del processo</translation>
    </message>
    <message>
        <source>Renditions</source>
        <translation>Rappresentazioni</translation>
    </message>
    <message>
        <source>Mo&amp;difier</source>
        <translation>Mo&amp;dificatore</translation>
    </message>
    <message>
        <source>M&amp;acro</source>
        <translation>M&amp;acro</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destinazione</translation>
    </message>
    <message>
        <source>Fo&amp;lder</source>
        <translation>Ca&amp;rtella</translation>
    </message>
    <message>
        <source>If a file e&amp;xists</source>
        <translation>Se il file e&amp;siste</translation>
    </message>
    <message>
        <source>F&amp;ile names</source>
        <translation>Nomi dei &amp;file</translation>
    </message>
    <message>
        <source>Job &amp;name</source>
        <translation>&amp;Nome del processo</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notifica</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Format: original file</source>
        <translation>Formato: file originale</translation>
    </message>
    <message>
        <source>Format: convert</source>
        <translation>Formato: conversione</translation>
    </message>
    <message>
        <source>Macro</source>
        <translation>Macro</translation>
    </message>
    <message>
        <source>Manage macros</source>
        <translation>Gestisci le macro</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Cartella di destinazione</translation>
    </message>
    <message>
        <source>Choose destination folder</source>
        <translation>Scegli la cartella di destinazione</translation>
    </message>
    <message>
        <source>When a file already exists</source>
        <translation>Quando un file esiste già</translation>
    </message>
    <message>
        <source>Recreate the catalog&apos;s folders</source>
        <translation>Ricrea le cartelle del catalogo</translation>
    </message>
    <message>
        <source>Job name</source>
        <translation>Nome del processo</translation>
    </message>
    <message>
        <source>Email notification</source>
        <translation>Notifica e-mail</translation>
    </message>
    <message>
        <source>Mail settings</source>
        <translation>Impostazioni e-mail</translation>
    </message>
    <message>
        <source>Client ID, reserved</source>
        <translation>ID client, riservato</translation>
    </message>
    <message>
        <source>(no macro)</source>
        <translation>(nessuna macro)</translation>
    </message>
    <message>
        <source>{macro} (not in this catalog)</source>
        <translation>{macro} (non presente in questo catalogo)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln presets: {names}</source>
        <translation>
            <numerusform>%Ln preset: {names}</numerusform>
            <numerusform>%Ln preset: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Only “{name}”</source>
        <translation>Solo “{name}”</translation>
    </message>
    <message>
        <source>Back to one rendition: {name}</source>
        <translation>Torna a una sola rappresentazione: {name}</translation>
    </message>
    <message>
        <source>“{typed}” is not a full folder path: choose the folder with Choose…, or type its whole path</source>
        <translation>“{typed}” non è un percorso completo: scegli la cartella con Scegli…, oppure digita il percorso intero</translation>
    </message>
    <message>
        <source>Only for Convert</source>
        <translation>Solo per Converti</translation>
    </message>
    <message>
        <source>A macro from the catalog, appended after the modifier</source>
        <translation>Una macro del catalogo, aggiunta dopo il modificatore</translation>
    </message>
    <message>
        <source> (and {folder}, which is missing too)</source>
        <translation> (e {folder}, anch’essa mancante)</translation>
    </message>
    <message numerus="yes">
        <source> (and the %Ln missing folders above it, from {folder})</source>
        <translation>
            <numerusform> (e la cartella mancante sopra di essa, {folder})</numerusform>
            <numerusform> (e le %Ln cartelle mancanti sopra di essa, a partire da {folder})</numerusform>
        </translation>
    </message>
    <message>
        <source>Create {folder}</source>
        <translation>Crea {folder}</translation>
    </message>
    <message>
        <source>Cannot create {folder}: {reason}</source>
        <translation>Impossibile creare {folder}: {reason}</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Esporta nella cartella</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destinazione</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>layers: {names}</source>
        <translation>livelli: {names}</translation>
    </message>
    <message>
        <source>original</source>
        <translation>originale</translation>
    </message>
    <message>
        <source>TIFF (alpha)</source>
        <translation>TIFF (alfa)</translation>
    </message>
    <message>
        <source>Tick assets to plan an export</source>
        <translation>Spunta le risorse per preparare il piano di esportazione</translation>
    </message>
    <message>
        <source>Plan: what every ticked asset becomes</source>
        <translation>Piano: cosa diventa ogni risorsa spuntata</translation>
    </message>
    <message>
        <source>Plan summary</source>
        <translation>Riepilogo del piano</translation>
    </message>
    <message numerus="yes">
        <source>%Ln output(s) planned</source>
        <translation>
            <numerusform>%Ln output previsto</numerusform>
            <numerusform>%Ln output previsti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>({assets} × %Ln presets)</source>
        <translation>
            <numerusform>({assets} × %Ln preset)</numerusform>
            <numerusform>({assets} × %Ln preset)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) planned</source>
        <translation>
            <numerusform>%Ln risorsa prevista</numerusform>
            <numerusform>%Ln risorse previste</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot plan: {reason}</source>
        <translation>Impossibile preparare il piano: {reason}</translation>
    </message>
    <message>
        <source>Mail settings: {problem}</source>
        <translation>Impostazioni e-mail: {problem}</translation>
    </message>
    <message>
        <source>Fix this first:</source>
        <translation>Correggi prima questo:</translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation>(nessun preset)</translation>
    </message>
    <message>
        <source>Load a saved set of options (Ctrl+P to focus)</source>
        <translation>Carica un insieme di opzioni salvato (Ctrl+P per attivarlo)</translation>
    </message>
    <message>
        <source>Save Preset &amp;As…</source>
        <translation>Salva &amp;come…</translation>
    </message>
    <message>
        <source>&amp;Update Preset</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <source>&amp;Rename Preset…</source>
        <translation>&amp;Rinomina preset…</translation>
    </message>
    <message>
        <source>&amp;Delete Preset…</source>
        <translation>&amp;Elimina preset…</translation>
    </message>
    <message>
        <source>&amp;Import Preset…</source>
        <translation>&amp;Importa preset…</translation>
    </message>
    <message>
        <source>E&amp;xport Preset…</source>
        <translation>Esp&amp;orta preset…</translation>
    </message>
    <message>
        <source>Export with &amp;Presets…</source>
        <translation>Esporta con più &amp;preset…</translation>
    </message>
    <message>
        <source>Several…</source>
        <translation>Più preset…</translation>
    </message>
    <message>
        <source>Export with several presets in one run: one output per asset and preset (Ctrl+Shift+P)</source>
        <translation>Esporta con più preset in un’unica esecuzione: un output per ogni risorsa e preset (Ctrl+Maiusc+P)</translation>
    </message>
    <message>
        <source>Some presets could not be read and are not listed — {files}</source>
        <translation>Alcuni preset non sono leggibili e non sono elencati — {files}</translation>
    </message>
    <message>
        <source>A preset holds one rendition: save each one as a preset of its own</source>
        <translation>Un preset contiene una sola rappresentazione: salva ciascuna come preset a sé</translation>
    </message>
    <message>
        <source>Preset “{name}” loaded</source>
        <translation>Preset “{name}” caricato</translation>
    </message>
    <message>
        <source>Tick two or more presets to write them in one run</source>
        <translation>Spunta due o più preset per scriverli in un’unica esecuzione</translation>
    </message>
    <message numerus="yes">
        <source>Exporting with %Ln presets: {names}</source>
        <translation>
            <numerusform>Esportazione con %Ln preset: {names}</numerusform>
            <numerusform>Esportazione con %Ln preset: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Preset “{name}” saved</source>
        <translation>Preset “{name}” salvato</translation>
    </message>
    <message>
        <source>Preset exported to {path}</source>
        <translation>Preset esportato in {path}</translation>
    </message>
    <message>
        <source>The preset “{current}” has unsaved changes. Discard them and load it again?</source>
        <translation>Il preset “{current}” ha modifiche non salvate. Scartarle e ricaricarlo?</translation>
    </message>
    <message>
        <source>The preset “{current}” has unsaved changes. Discard them and load “{other}”?</source>
        <translation>Il preset “{current}” ha modifiche non salvate. Scartarle e caricare “{other}”?</translation>
    </message>
    <message>
        <source>Unsaved preset</source>
        <translation>Preset non salvato</translation>
    </message>
    <message>
        <source>Update Preset (Ctrl+S) keeps them in the preset.</source>
        <translation>Aggiorna preset (Ctrl+S) le conserva nel preset.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Scarta le modifiche</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continua a modificare</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Salva preset</translation>
    </message>
    <message>
        <source>A preset named “{name}” already exists. Replace it with these options?</source>
        <translation>Esiste già un preset di nome “{name}”. Sostituirlo con queste opzioni?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Sostituisci</translation>
    </message>
    <message>
        <source>Import preset</source>
        <translation>Importa preset</translation>
    </message>
    <message>
        <source>A preset named “{name}” already exists.</source>
        <translation>Esiste già un preset di nome “{name}”.</translation>
    </message>
    <message>
        <source>Replace it with the imported one, or keep both (the import is named “{free}”)?</source>
        <translation>Sostituirlo con quello importato o mantenerli entrambi (quello importato si chiamerà “{free}”)?</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Mantieni entrambi</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Nome del preset:</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Rinomina preset</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nuovo nome:</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Elimina preset</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”?</source>
        <translation>Eliminare il preset “{name}”?</translation>
    </message>
    <message>
        <source>Presets (*.json);;All files (*)</source>
        <translation>Preset (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Export preset</source>
        <translation>Esporta preset</translation>
    </message>
    <message>
        <source>Presets (*.json)</source>
        <translation>Preset (*.json)</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>nessun file scritto</translation>
    </message>
    <message>
        <source>No picture preview for {types}</source>
        <translation>Nessuna anteprima grafica per il tipo {type}</translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>Nessuna anteprima: {reason}</translation>
    </message>
    <message>
        <source>Copied unchanged</source>
        <translation>Copiato senza modifiche</translation>
    </message>
    <message>
        <source>Not exported — see the reason above</source>
        <translation>Non esportato — vedi il motivo sopra</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Anteprima</translation>
    </message>
    <message>
        <source>Select an asset to see what it becomes</source>
        <translation>Seleziona una risorsa per vedere il risultato</translation>
    </message>
    <message>
        <source>Output of the current asset</source>
        <translation>Output della risorsa corrente</translation>
    </message>
    <message>
        <source>Why this format</source>
        <translation>Perché questo formato</translation>
    </message>
    <message>
        <source>Previous rendition</source>
        <translation>Rappresentazione precedente</translation>
    </message>
    <message>
        <source>The previous rendition of this asset</source>
        <translation>La rappresentazione precedente di questa risorsa</translation>
    </message>
    <message>
        <source>Next rendition</source>
        <translation>Rappresentazione successiva</translation>
    </message>
    <message>
        <source>The next rendition of this asset</source>
        <translation>La rappresentazione successiva di questa risorsa</translation>
    </message>
    <message>
        <source>Rendition shown</source>
        <translation>Rappresentazione mostrata</translation>
    </message>
    <message>
        <source>Original image</source>
        <translation>Immagine originale</translation>
    </message>
    <message>
        <source>Exported image</source>
        <translation>Immagine esportata</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Originale</translation>
    </message>
    <message>
        <source>{rendition} ({place} of {total})</source>
        <translation>{rendition} ({place} di {total})</translation>
    </message>
    <message>
        <source>Cannot read the original</source>
        <translation>Impossibile leggere l’originale</translation>
    </message>
    <message>
        <source>Export with presets</source>
        <translation>Esporta con più preset</translation>
    </message>
    <message>
        <source>Tick the presets to write in one run: each asset is decoded once and written once per preset, each preset&apos;s files in a folder named after it unless its file names say otherwise. The destination, mail and conflict settings are the form&apos;s.</source>
        <translation>Spunta i preset da scrivere in un’unica esecuzione: ogni risorsa viene decodificata una volta e scritta una volta per preset, con i file di ogni preset in una cartella che porta il suo nome, salvo diversa indicazione dei nomi dei file. Destinazione, e-mail e gestione dei file esistenti sono quelle del modulo.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Presets to write</source>
        <translation>Preset da scrivere</translation>
    </message>
    <message>
        <source>Modifier and macro</source>
        <translation>Modificatore e macro</translation>
    </message>
    <message>
        <source>File names</source>
        <translation>Nomi dei file</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Su</translation>
    </message>
    <message>
        <source>Move the preset up</source>
        <translation>Sposta il preset in alto</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>&amp;Giù</translation>
    </message>
    <message>
        <source>Move the preset down</source>
        <translation>Sposta il preset in basso</translation>
    </message>
    <message>
        <source>Presets ticked</source>
        <translation>Preset spuntati</translation>
    </message>
    <message>
        <source>Use these presets</source>
        <translation>Usa questi preset</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>non leggibile</translation>
    </message>
    <message numerus="yes">
        <source>%Ln presets, in this order: {names}</source>
        <translation>
            <numerusform>%Ln preset, in quest’ordine: {names}</numerusform>
            <numerusform>%Ln preset, in quest’ordine: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Save two or more presets to write them in one run</source>
        <translation>Salva due o più preset per scriverli in un’unica esecuzione</translation>
    </message>
    <message>
        <source>Tick two or more presets (for one, choose it in the Preset list)</source>
        <translation>Spunta due o più preset (per uno solo, sceglilo nell’elenco Preset)</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Avanzamento dell’esportazione</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Stato dell’esportazione</translation>
    </message>
    <message>
        <source>Stop the export (Esc)</source>
        <translation>Interrompi l’esportazione (Esc)</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Annulla l’esportazione</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Apri cartella</translation>
    </message>
    <message>
        <source>Open the destination folder</source>
        <translation>Apri la cartella di destinazione</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Mostra registro</translation>
    </message>
    <message>
        <source>Show the job log</source>
        <translation>Mostra il registro del processo</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Dismiss the summary</source>
        <translation>Chiudi il riepilogo</translation>
    </message>
    <message>
        <source>{rate} files/s</source>
        <translation>{rate} file/s</translation>
    </message>
    <message numerus="yes">
        <source>on %Ln cluster worker(s)</source>
        <translation>
            <numerusform>su %Ln nodo del cluster</numerusform>
            <numerusform>su %Ln nodi del cluster</numerusform>
        </translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>circa {time} rimanenti</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln errore</numerusform>
            <numerusform>%Ln errori</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling — finishing the files in progress…</source>
        <translation>Annullamento — completamento dei file in corso…</translation>
    </message>
    <message>
        <source>(every folder)</source>
        <translation>(tutte le cartelle)</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Qualsiasi tipo</translation>
    </message>
    <message>
        <source>The form&apos;s current options</source>
        <translation>Le opzioni correnti del modulo</translation>
    </message>
    <message>
        <source>never run</source>
        <translation>mai eseguito</translation>
    </message>
    <message numerus="yes">
        <source>{written} of %Ln written</source>
        <translation>
            <numerusform>{written} di %Ln scritto</numerusform>
            <numerusform>{written} di %Ln scritti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln non riuscito</numerusform>
            <numerusform>%Ln non riusciti</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule Export</source>
        <translation>Programma esportazione</translation>
    </message>
    <message>
        <source>Schedule export</source>
        <translation>Programma esportazione</translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation>Nome della programmazione</translation>
    </message>
    <message>
        <source>e.g. nightly web renditions</source>
        <translation>ad es. rappresentazioni web notturne</translation>
    </message>
    <message>
        <source>Presets to run</source>
        <translation>Preset da eseguire</translation>
    </message>
    <message>
        <source>Catalog folder</source>
        <translation>Cartella del catalogo</translation>
    </message>
    <message>
        <source>Include &amp;subfolders</source>
        <translation>Includi &amp;sottocartelle</translation>
    </message>
    <message>
        <source>Asset type</source>
        <translation>Tipo di risorsa</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Scegli…</translation>
    </message>
    <message>
        <source>&amp;Once at</source>
        <translation>&amp;Una volta il</translation>
    </message>
    <message>
        <source>&amp;Repeating (cron)</source>
        <translation>&amp;Ripetuto (cron)</translation>
    </message>
    <message>
        <source>Run once at (local time)</source>
        <translation>Esegui una volta il (ora locale)</translation>
    </message>
    <message>
        <source>Cron expression (local time)</source>
        <translation>Espressione cron (ora locale)</translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, e.g. 0 6 * * 1-5</source>
        <translation>minuto ora giorno-del-mese mese giorno-della-settimana, ad es. 0 6 * * 1-5</translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation>Prossime esecuzioni</translation>
    </message>
    <message>
        <source>Schedule message</source>
        <translation>Messaggio della programmazione</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Preset</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Cartella</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>&amp;Destinazione</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Next: </source>
        <translation>Prossime: </translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Selezione</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prossima esecuzione</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Ultima esecuzione</translation>
    </message>
    <message>
        <source>Scheduled Jobs</source>
        <translation>Processi programmati</translation>
    </message>
    <message>
        <source>Scheduled jobs</source>
        <translation>Processi programmati</translation>
    </message>
    <message>
        <source>Due jobs run whenever &lt;code&gt;exportgui schedule run-due&lt;/code&gt; does; &lt;code&gt;exportgui schedule install&lt;/code&gt; has the system run it every minute. Each run appears in the Jobs panel.</source>
        <translation>I processi in scadenza vengono eseguiti a ogni &lt;code&gt;exportgui schedule run-due&lt;/code&gt;; &lt;code&gt;exportgui schedule install&lt;/code&gt; fa sì che il sistema lo esegua ogni minuto. Ogni esecuzione compare nel pannello Processi.</translation>
    </message>
    <message>
        <source>Schedules message</source>
        <translation>Messaggio delle programmazioni</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <source> (running since {time})</source>
        <translation> (in corso dal {time})</translation>
    </message>
    <message>
        <source>as the preset says</source>
        <translation>come indicato dal preset</translation>
    </message>
    <message>
        <source>once at {time}</source>
        <translation>una volta il {time}</translation>
    </message>
    <message>
        <source>cron {cron} (local time)</source>
        <translation>cron {cron} (ora locale)</translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation>“{name}” rimosso.</translation>
    </message>
    <message>
        <source>Macro name</source>
        <translation>Nome della macro</translation>
    </message>
    <message>
        <source>e.g. web-hero</source>
        <translation>ad es. web-hero</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; letter case is ignored</source>
        <translation>Lettere, cifre, &apos;.&apos;, &apos;_&apos; e &apos;-&apos;; maiuscole e minuscole non contano</translation>
    </message>
    <message>
        <source>Macro name message</source>
        <translation>Messaggio sul nome della macro</translation>
    </message>
    <message>
        <source>Macro definition</source>
        <translation>Definizione della macro</translation>
    </message>
    <message>
        <source>Image Serving commands joined by &apos;&amp;&apos;</source>
        <translation>Comandi Image Serving uniti da &apos;&amp;&apos;</translation>
    </message>
    <message>
        <source>e.g. wid=1200&amp;hei=1200&amp;fit=constrain&amp;fmt=jpeg</source>
        <translation>ad es. wid=1200&amp;hei=1200&amp;fit=constrain&amp;fmt=jpeg</translation>
    </message>
    <message>
        <source>Macro definition message</source>
        <translation>Messaggio sulla definizione della macro</translation>
    </message>
    <message>
        <source>How to use the macro</source>
        <translation>Come usare la macro</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;me:</translation>
    </message>
    <message>
        <source>D&amp;efinition:</source>
        <translation>D&amp;efinizione:</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Ripristina</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Discard the changes in the editor</source>
        <translation>Scarta le modifiche nell’editor</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Save the macro</source>
        <translation>Salva la macro</translation>
    </message>
    <message>
        <source>Why the macro cannot be saved</source>
        <translation>Perché la macro non può essere salvata</translation>
    </message>
    <message>
        <source>Macro ${name}$</source>
        <translation>Macro ${name}$</translation>
    </message>
    <message>
        <source>New macro</source>
        <translation>Nuova macro</translation>
    </message>
    <message>
        <source>{problem} — fine if the request that uses the macro provides it.</source>
        <translation>{problem} — va bene se lo fornisce la richiesta che usa la macro.</translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation>✓ Valida</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>Use it as ${name}$ in the job&apos;s macro field or in a modifier.</source>
        <translation>Usala come ${name}$ nel campo macro del processo o in un modificatore.</translation>
    </message>
    <message>
        <source>Type a name and a definition to save.</source>
        <translation>Digita un nome e una definizione per salvare.</translation>
    </message>
    <message>
        <source>Give the macro a name to save it.</source>
        <translation>Dai un nome alla macro per salvarla.</translation>
    </message>
    <message>
        <source>Fix the name to save.</source>
        <translation>Correggi il nome per salvare.</translation>
    </message>
    <message>
        <source>Type the definition to save.</source>
        <translation>Digita la definizione per salvare.</translation>
    </message>
    <message>
        <source>Fix the definition to save.</source>
        <translation>Correggi la definizione per salvare.</translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation>Nessuna modifica da salvare.</translation>
    </message>
    <message>
        <source>Nothing imported from {file}: {reason}</source>
        <translation>Nessuna importazione da {file}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln macro(s) from {file}</source>
        <translation>
            <numerusform>Importata %Ln macro da {file}</numerusform>
            <numerusform>Importate %Ln macro da {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln sostituita</numerusform>
            <numerusform>%Ln sostituite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln existing one(s) kept</source>
        <translation>
            <numerusform>%Ln esistente mantenuta</numerusform>
            <numerusform>%Ln esistenti mantenute</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped {line}</source>
        <translation>ignorata la {line}</translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln line(s): {lines}</source>
        <translation>
            <numerusform>ignorata %Ln riga: {lines}</numerusform>
            <numerusform>ignorate %Ln righe: {lines}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more (see the details)</source>
        <translation>
            <numerusform>e %Ln altra (vedi i dettagli)</numerusform>
            <numerusform>e altre %Ln (vedi i dettagli)</numerusform>
        </translation>
    </message>
    <message>
        <source>line {number}: {reason}</source>
        <translation>riga {number}: {reason}</translation>
    </message>
    <message>
        <source>Macro definition files (*.txt *.tsv);;All files (*)</source>
        <translation>File di definizione macro (*.txt *.tsv);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Macros</source>
        <translation>Macro</translation>
    </message>
    <message>
        <source>Macro manager</source>
        <translation>Gestione macro</translation>
    </message>
    <message>
        <source>Filter macros</source>
        <translation>Filtra le macro</translation>
    </message>
    <message>
        <source>Show only macros containing this text</source>
        <translation>Mostra solo le macro che contengono questo testo</translation>
    </message>
    <message>
        <source>Macro list</source>
        <translation>Elenco delle macro</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuova</translation>
    </message>
    <message>
        <source>Start a new macro</source>
        <translation>Crea una nuova macro</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Delete the selected macro</source>
        <translation>Elimina la macro selezionata</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>Add macros from an Image Serving macro file</source>
        <translation>Aggiungi macro da un file di macro Image Serving</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>Write all macros to an Image Serving macro file</source>
        <translation>Scrivi tutte le macro in un file di macro Image Serving</translation>
    </message>
    <message>
        <source>Import and export report</source>
        <translation>Resoconto di importazione ed esportazione</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Close the macro manager</source>
        <translation>Chiudi la gestione macro</translation>
    </message>
    <message>
        <source>Rename macro</source>
        <translation>Rinomina macro</translation>
    </message>
    <message>
        <source>Renaming ${old}$ to ${new}$ breaks macros that use it.</source>
        <translation>Rinominare ${old}$ in ${new}$ rende inutilizzabili le macro che la usano.</translation>
    </message>
    <message>
        <source>Rename anyway</source>
        <translation>Rinomina comunque</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non salvata: {reason}</translation>
    </message>
    <message>
        <source>Saved ${name}$.</source>
        <translation>${name}$ salvata.</translation>
    </message>
    <message>
        <source>Delete the macro ${name}$?</source>
        <translation>Eliminare la macro ${name}$?</translation>
    </message>
    <message>
        <source>Macros that use it will stop working.</source>
        <translation>Le macro che la usano smetteranno di funzionare.</translation>
    </message>
    <message>
        <source>Delete macro</source>
        <translation>Elimina macro</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Not deleted: {reason}</source>
        <translation>Non eliminata: {reason}</translation>
    </message>
    <message>
        <source>Deleted ${name}$.</source>
        <translation>${name}$ eliminata.</translation>
    </message>
    <message>
        <source>Import macros</source>
        <translation>Importa macro</translation>
    </message>
    <message>
        <source>Nothing imported: {reason}</source>
        <translation>Nessuna importazione: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln macro(s) in the file already exist here: {names}</source>
        <translation>
            <numerusform>%Ln macro del file esiste già qui: {names}</numerusform>
            <numerusform>%Ln macro del file esistono già qui: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace them</source>
        <translation>Sostituiscile</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Mantieni le mie</translation>
    </message>
    <message>
        <source>Export macros</source>
        <translation>Esporta macro</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln macro(s) to {file}.</source>
        <translation>
            <numerusform>Esportata %Ln macro in {file}.</numerusform>
            <numerusform>Esportate %Ln macro in {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved macro</source>
        <translation>Macro non salvata</translation>
    </message>
    <message>
        <source>The macro in the editor has unsaved changes.</source>
        <translation>La macro nell’editor ha modifiche non salvate.</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definizione</translation>
    </message>
    <message>
        <source>Largest reply, width,height in pixels; 0 = no limit on that side</source>
        <translation>Risposta massima, larghezza,altezza in pixel; 0 = nessun limite su quel lato</translation>
    </message>
    <message>
        <source>Size cap when a request gives no wid, hei or scl; 0 = no cap on that side</source>
        <translation>Dimensione massima quando la richiesta non indica wid, hei o scl; 0 = nessun limite su quel lato</translation>
    </message>
    <message>
        <source>Default qlt: quality 1–100, then 1 to keep full chroma, 0 to subsample</source>
        <translation>qlt predefinito: qualità 1–100, poi 1 per la crominanza completa, 0 per il sottocampionamento</translation>
    </message>
    <message>
        <source>Default resampling (resMode)</source>
        <translation>Ricampionamento predefinito (resMode)</translation>
    </message>
    <message>
        <source>Fill for areas without image data: r,g,b (0–255 each) or RRGGBB</source>
        <translation>Riempimento delle aree senza dati immagine: r,g,b (0–255 ciascuno) o RRGGBB</translation>
    </message>
    <message>
        <source>{name} needs a value (Restore Defaults puts back the default).</source>
        <translation>{name} richiede un valore (Ripristina predefiniti rimette quello predefinito).</translation>
    </message>
    <message>
        <source>Image Serving</source>
        <translation>Image Serving</translation>
    </message>
    <message>
        <source>Image Serving attributes of the catalog</source>
        <translation>Attributi Image Serving del catalogo</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Pick the background colour</source>
        <translation>Scegli il colore di sfondo</translation>
    </message>
    <message>
        <source>Choose BkgColor with the colour picker</source>
        <translation>Scegli BkgColor con il selettore colori</translation>
    </message>
    <message>
        <source>Catalog message</source>
        <translation>Messaggio del catalogo</translation>
    </message>
    <message>
        <source>No catalog is open.</source>
        <translation>Nessun catalogo aperto.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pagine delle impostazioni</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Pagina successiva</translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation>Messaggio delle impostazioni</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Salva le impostazioni</translation>
    </message>
    <message>
        <source>Save the settings and close</source>
        <translation>Salva le impostazioni e chiudi</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Chiudi senza salvare</translation>
    </message>
    <message>
        <source>Restore defaults of this page</source>
        <translation>Ripristina i valori predefiniti di questa pagina</translation>
    </message>
    <message>
        <source>Put back the defaults of this page (stored only when you press OK)</source>
        <translation>Ripristina i valori predefiniti di questa pagina (salvati solo premendo OK)</translation>
    </message>
    <message>
        <source>Defaults restored on the {page} page; press OK to keep them.</source>
        <translation>Valori predefiniti ripristinati nella pagina {page}; premi OK per mantenerli.</translation>
    </message>
    <message>
        <source>The settings could not be written to {file}: {reason}</source>
        <translation>Impossibile scrivere le impostazioni in {file}: {reason}</translation>
    </message>
    <message>
        <source>Test message sent to {recipients}.</source>
        <translation>Messaggio di prova inviato a {recipients}.</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>smtp+starttls://mail.example.com:587</source>
        <translation>smtp+starttls://mail.esempio.it:587</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Server di posta</translation>
    </message>
    <message>
        <source>smtp:// (plain), smtp+starttls:// or smtps:// (encrypted), then host and port</source>
        <translation>smtp:// (in chiaro), smtp+starttls:// o smtps:// (cifrato), poi host e porta</translation>
    </message>
    <message>
        <source>exports@example.com</source>
        <translation>esportazioni@esempio.it</translation>
    </message>
    <message>
        <source>S&amp;ender:</source>
        <translation>&amp;Mittente:</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Indirizzo del mittente</translation>
    </message>
    <message>
        <source>me@example.com, team@example.com</source>
        <translation>io@esempio.it, team@esempio.it</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>&amp;Destinatari:</translation>
    </message>
    <message>
        <source>Recipient addresses</source>
        <translation>Indirizzi dei destinatari</translation>
    </message>
    <message>
        <source>Separate several addresses with commas</source>
        <translation>Separa più indirizzi con virgole</translation>
    </message>
    <message>
        <source>leave empty if the server needs no login</source>
        <translation>lascia vuoto se il server non richiede l’accesso</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome &amp;utente:</translation>
    </message>
    <message>
        <source>Mail user name</source>
        <translation>Nome utente della posta</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation>Password della posta</translation>
    </message>
    <message>
        <source>Allow a login &amp;without encryption (smtp://, this computer only)</source>
        <translation>Consenti l’accesso &amp;senza cifratura (smtp://, solo questo computer)</translation>
    </message>
    <message>
        <source>Allow a login without encryption</source>
        <translation>Consenti l’accesso senza cifratura</translation>
    </message>
    <message>
        <source>Sends the password in clear: only for a server at localhost, 127.0.0.1 or ::1</source>
        <translation>Invia la password in chiaro: solo per un server su localhost, 127.0.0.1 o ::1</translation>
    </message>
    <message>
        <source>Send &amp;test message</source>
        <translation>Invia messaggio di &amp;prova</translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation>Invia messaggio di prova</translation>
    </message>
    <message>
        <source>Send a short message with these settings (not yet saved)</source>
        <translation>Invia un breve messaggio con queste impostazioni (non ancora salvate)</translation>
    </message>
    <message>
        <source>Test message result</source>
        <translation>Esito del messaggio di prova</translation>
    </message>
    <message>
        <source>The password was not stored: {reason}</source>
        <translation>La password non è stata salvata: {reason}</translation>
    </message>
    <message>
        <source>A password needs the mail server it is for.</source>
        <translation>Una password richiede il server di posta a cui è destinata.</translation>
    </message>
    <message>
        <source>A password needs the user name it belongs to.</source>
        <translation>Una password richiede il nome utente a cui appartiene.</translation>
    </message>
    <message>
        <source>The password comes from {variable}; a password typed here goes to the keyring.</source>
        <translation>La password viene da {variable}; una password digitata qui va nel portachiavi.</translation>
    </message>
    <message>
        <source>A password is stored in the system keyring; type a new one to replace it.</source>
        <translation>Una password è salvata nel portachiavi di sistema; digitane una nuova per sostituirla.</translation>
    </message>
    <message>
        <source>No password stored. Kept in the system keyring, never in the settings file.</source>
        <translation>Nessuna password salvata. Viene conservata nel portachiavi di sistema, mai nel file delle impostazioni.</translation>
    </message>
    <message>
        <source>••••••• (stored)</source>
        <translation>••••••• (salvata)</translation>
    </message>
    <message>
        <source>Fill in the server, the sender and at least one recipient first.</source>
        <translation>Compila prima server, mittente e almeno un destinatario.</translation>
    </message>
    <message>
        <source>Sending to {recipients}…</source>
        <translation>Invio a {recipients}…</translation>
    </message>
    <message>
        <source>unexpected error: {kind}</source>
        <translation>errore imprevisto: {kind}</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Non inviato: {reason}</translation>
    </message>
    <message>
        <source>{field} hint</source>
        <translation>Suggerimento: {field}</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problema: {field}</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generale</translation>
    </message>
    <message>
        <source>General settings</source>
        <translation>Impostazioni generali</translation>
    </message>
    <message>
        <source>One per core ({cores})</source>
        <translation>Uno per core ({cores})</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>&amp;Worker:</translation>
    </message>
    <message>
        <source>Export workers</source>
        <translation>Worker di esportazione</translation>
    </message>
    <message>
        <source>How many images are converted at the same time. More than the number of cores rarely helps: at most {limit} ({per_core} per core) are used, and never more than the assets exported.</source>
        <translation>Quante immagini vengono convertite contemporaneamente. Superare il numero di core raramente aiuta: se ne usano al massimo {limit} ({per_core} per core) e mai più delle risorse esportate.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Questo computer</translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation>&amp;Cluster:</translation>
    </message>
    <message>
        <source>Export cluster</source>
        <translation>Cluster di esportazione</translation>
    </message>
    <message>
        <source>Run the conversions and copies on a Dask cluster: its scheduler&apos;s address (tcp://host:8786), or local:N for N worker processes on this computer. Every worker must see the catalog and the destination folder at the same paths. Empty: this computer.</source>
        <translation>Esegue conversioni e copie su un cluster Dask: l&apos;indirizzo del suo scheduler (tcp://host:8786), oppure local:N per N processi di lavoro su questo computer. Ogni nodo deve vedere il catalogo e la cartella di destinazione agli stessi percorsi. Vuoto: questo computer.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Lingua della finestra</translation>
    </message>
    <message>
        <source>System follows the computer&apos;s language. A change takes effect on restart.</source>
        <translation>Sistema segue la lingua del computer. La modifica ha effetto al riavvio.</translation>
    </message>
    <message>
        <source>Cluster: {problem}</source>
        <translation>Cluster: {problem}</translation>
    </message>
    <message>
        <source>The folder no longer exists.</source>
        <translation>La cartella non esiste più.</translation>
    </message>
    <message>
        <source>No file manager opened the folder.</source>
        <translation>Nessun file manager ha aperto la cartella.</translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation>&amp;Copia percorso</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>ICC profile</source>
        <translation>Profilo ICC</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>Image Set</source>
        <translation>Set di immagini</translation>
    </message>
    <message>
        <source>Render Set</source>
        <translation>Set di rendering</translation>
    </message>
    <message>
        <source>Spin Set</source>
        <translation>Set 360 gradi</translation>
    </message>
    <message>
        <source>Media Set</source>
        <translation>Set di file multimediali</translation>
    </message>
    <message>
        <source>Multi-bitrate Set</source>
        <translation>Set con bitrate multiplo</translation>
    </message>
    <message>
        <source>Video Set</source>
        <translation>Set video</translation>
    </message>
    <message>
        <source>Offer Set</source>
        <translation>Set di offerte</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Completato</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrotto</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Audio files</source>
        <translation>File audio</translation>
    </message>
    <message>
        <source>PDFs</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>ICC profiles</source>
        <translation>Profili ICC</translation>
    </message>
    <message>
        <source>SVG files</source>
        <translation>File SVG</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>Altri file</translation>
    </message>
    <message>
        <source>Image Sets</source>
        <translation>Set di immagini</translation>
    </message>
    <message>
        <source>Render Sets</source>
        <translation>Set di rendering</translation>
    </message>
    <message>
        <source>Spin Sets</source>
        <translation>Set 360 gradi</translation>
    </message>
    <message>
        <source>Media Sets</source>
        <translation>Set di file multimediali</translation>
    </message>
    <message>
        <source>multi-bitrate (adaptive video) sets</source>
        <translation>Set con bitrate multiplo (video adattivo)</translation>
    </message>
    <message>
        <source>Video Sets</source>
        <translation>Set video</translation>
    </message>
    <message>
        <source>eCatalogs</source>
        <translation>eCatalog</translation>
    </message>
    <message>
        <source>Offer Sets</source>
        <translation>Set di offerte</translation>
    </message>
    <message>
        <source>names {template}</source>
        <translation>nomi {template}</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Chiudi l’avviso</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Informazioni su {app}</translation>
    </message>
    <message>
        <source>Export assets the way the Scene7 / Dynamic Media ExportJob does, with a live preview of every output.</source>
        <translation>Esporta le risorse come fa ExportJob di Scene7 / Dynamic Media, con un’anteprima dal vivo di ogni output.</translation>
    </message>
    <message>
        <source>&amp;Copy for a Bug Report</source>
        <translation>&amp;Copia per una segnalazione di errore</translation>
    </message>
    <message>
        <source>Versions and folders (include them in a bug report):</source>
        <translation>Versioni e cartelle (includile in una segnalazione di errore):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Esporta</translation>
    </message>
    <message>
        <source>Export the ticked assets</source>
        <translation>Esporta le risorse spuntate</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>&amp;Annulla esportazione</translation>
    </message>
    <message>
        <source>&amp;Tick All in View</source>
        <translation>&amp;Spunta tutte le visibili</translation>
    </message>
    <message>
        <source>Tick every exportable asset that the search and filters show</source>
        <translation>Spunta ogni risorsa esportabile mostrata da ricerca e filtri</translation>
    </message>
    <message>
        <source>U&amp;ntick All in View</source>
        <translation>Togli la spunta alle &amp;visibili</translation>
    </message>
    <message>
        <source>Untick &amp;Everything</source>
        <translation>Togli la spunta a t&amp;utte</translation>
    </message>
    <message>
        <source>Tick or Untick &amp;Selected	Space</source>
        <translation>Spunta o togli la spunta alla selezio&amp;ne	Spazio</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Trova</translation>
    </message>
    <message>
        <source>&amp;Macros…</source>
        <translation>&amp;Macro…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Impo&amp;stazioni…</translation>
    </message>
    <message>
        <source>Load &amp;Demo Collection</source>
        <translation>Carica raccolta &amp;dimostrativa</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Choose Preset…</source>
        <translation>&amp;Scegli preset…</translation>
    </message>
    <message>
        <source>Mail Se&amp;ttings…</source>
        <translation>Impostazioni e-ma&amp;il…</translation>
    </message>
    <message>
        <source>Sc&amp;hedule…</source>
        <translation>Pro&amp;gramma…</translation>
    </message>
    <message>
        <source>Run this job later, once or repeatedly</source>
        <translation>Esegui questo processo più tardi, una volta o a intervalli</translation>
    </message>
    <message>
        <source>Scheduled &amp;Jobs…</source>
        <translation>Processi pr&amp;ogrammati…</translation>
    </message>
    <message>
        <source>Sc&amp;hedule Preset…</source>
        <translation>Pro&amp;gramma preset…</translation>
    </message>
    <message>
        <source>Run the preset later</source>
        <translation>Esegui il preset più tardi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>Pro&amp;cesso</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Cartelle</translation>
    </message>
    <message>
        <source>&amp;Asset List</source>
        <translation>Elenco &amp;risorse</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Opzioni</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>P&amp;iano</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>Proc&amp;essi</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Informazioni su {app}</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti principale</translation>
    </message>
    <message>
        <source>Preset </source>
        <translation>Preset </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Piano</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Processi</translation>
    </message>
    <message>
        <source>Ticked and exportable assets</source>
        <translation>Risorse spuntate ed esportabili</translation>
    </message>
    <message>
        <source>Plan and job history</source>
        <translation>Piano e cronologia dei processi</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>Importazione non riuscita: {reason}</translation>
    </message>
    <message>
        <source>The catalog could not be read: {reason}</source>
        <translation>Impossibile leggere il catalogo: {reason}</translation>
    </message>
    <message>
        <source>Plan ({count})</source>
        <translation>Piano ({count})</translation>
    </message>
    <message>
        <source>An export is running</source>
        <translation>È in corso un’esportazione</translation>
    </message>
    <message>
        <source>Tick at least one asset to export</source>
        <translation>Spunta almeno una risorsa da esportare</translation>
    </message>
    <message>
        <source>Export the ticked assets (Ctrl+E)</source>
        <translation>Esporta le risorse spuntate (Ctrl+E)</translation>
    </message>
    <message>
        <source>{ticked} ticked · {exportable} exportable</source>
        <translation>{ticked} spuntate · {exportable} esportabili</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} di {total} visibili</translation>
    </message>
    <message>
        <source>Planning the export…</source>
        <translation>Preparazione del piano di esportazione…</translation>
    </message>
    <message>
        <source>Wait for the running export to finish</source>
        <translation>Attendi la fine dell’esportazione in corso</translation>
    </message>
    <message>
        <source>Retrying failed assets…</source>
        <translation>Nuovo tentativo per le risorse non riuscite…</translation>
    </message>
    <message>
        <source>Resuming the job…</source>
        <translation>Ripresa del processo…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Esportazione completata</translation>
    </message>
    <message>
        <source>Scheduled “{name}” (Job ▸ Scheduled Jobs…)</source>
        <translation>“{name}” programmato (Processo ▸ Processi programmati…)</translation>
    </message>
    <message>
        <source>Creating the demo collection…</source>
        <translation>Creazione della raccolta dimostrativa…</translation>
    </message>
    <message>
        <source>Demo collection loaded</source>
        <translation>Raccolta dimostrativa caricata</translation>
    </message>
    <message>
        <source>Quit while exporting?</source>
        <translation>Uscire durante l’esportazione?</translation>
    </message>
    <message>
        <source>An export is running. Quit anyway?</source>
        <translation>È in corso un’esportazione. Uscire comunque?</translation>
    </message>
    <message>
        <source>Quitting cancels the export: the files already written stay, and no partial file is left. You can resume the job later from the Jobs panel.</source>
        <translation>Uscendo l’esportazione viene annullata: i file già scritti restano e non rimane alcun file parziale. Puoi riprendere il processo in seguito dal pannello Processi.</translation>
    </message>
    <message>
        <source>&amp;Keep Exporting</source>
        <translation>&amp;Continua l’esportazione</translation>
    </message>
</context>
</TS>
