<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window goes on; your catalog and the files already exported are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done} of %Ln asset(s) done</source>
        <translation>
            <numerusform>{done} of %Ln asset done</numerusform>
            <numerusform>{done} of %Ln assets done</numerusform>
        </translation>
    </message>
    <message>
        <source>The export “{title}” was interrupted ({progress}). Resume finishes the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln exports were interrupted. Resume finishes the newest, “{title}” ({progress}); the others are in the Jobs panel.</source>
        <translation>
            <numerusform>%Ln export was interrupted. Resume finishes the newest, “{title}” ({progress}); the others are in the Jobs panel.</numerusform>
            <numerusform>%Ln exports were interrupted. Resume finishes the newest, “{title}” ({progress}); the others are in the Jobs panel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video and audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets (not exportable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your catalog is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import images, videos and documents — or start with the demo collection to try modifiers, macros and the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the demo collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search assets by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only some asset types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s)</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other asset(s)</source>
        <translation>
            <numerusform>%Ln other asset</numerusform>
            <numerusform>%Ln other assets</numerusform>
        </translation>
    </message>
    <message>
        <source>Ticked {images}; {others} left out: Convert renders images only (choose Original to export them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) imported</source>
        <translation>
            <numerusform>%Ln file imported</numerusform>
            <numerusform>%Ln files imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln duplicate skipped</numerusform>
            <numerusform>%Ln duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) rejected</source>
        <translation>
            <numerusform>%Ln file rejected</numerusform>
            <numerusform>%Ln files rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the catalog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files into the catalog (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder and its subfolders (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be written as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every asset in view that the current options can export (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output file name of each ticked asset, from the current options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (%Ln member(s))</source>
        <translation>
            <numerusform> (%Ln member)</numerusform>
            <numerusform> (%Ln members)</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}{members}: {reason}. It cannot be ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the job log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet: every export is listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the job log again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the assets a stopped job (cancelled, failed or killed) did not get to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export again the assets that failed in this job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this job&apos;s log as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this job&apos;s log as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail of the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {type} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the assets whose result is {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs and log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs panel message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job log cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{job}: {done} of {total} done, {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail: {warning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save log as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log was not saved to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job {handle}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln output(s)</source>
        <translation>
            <numerusform>%Ln output</numerusform>
            <numerusform>%Ln outputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s)</source>
        <translation>
            <numerusform>%Ln asset</numerusform>
            <numerusform>%Ln assets</numerusform>
        </translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: {format}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln renditions:</source>
        <translation>
            <numerusform>%Ln rendition:</numerusform>
            <numerusform>%Ln renditions:</numerusform>
        </translation>
    </message>
    <message>
        <source>File names: {template}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} with {left} of {total} not done: Resume finishes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}: Resume checks its last files and closes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both: number the new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the existing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update: write only what changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None — no mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All — start and end of the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JobCompletion — when the job ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ErrorAndWarning — errors, warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error — only on errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}.{ext} (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renditions of the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each rendition writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose and order the presets this job writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One rendition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to one rendition: the form gets the first preset&apos;s format, modifier, macro and file names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendition problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Original file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fmt=orig: copy the stored bytes unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fmt=convert: render through the modifier and macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Serving modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Serving commands joined by &amp;, e.g. &amp;wid=1200&amp;fmt=png&amp;qlt=85</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macros…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit and delete the catalog&apos;s macros (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full folder path, or Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choo&amp;se…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recreate the catalog&apos;s folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the files from tokens: {name} {ext} {folder} {preset} {wid} {hei} {fmt} {handle} {seq:04} {date:%Y%m%d}; &apos;/&apos; makes folders. Empty: the asset&apos;s name with the format&apos;s extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Spring campaign — web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved, never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved: stored with the job, never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;difier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;acro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fo&amp;lder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If a file e&amp;xists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: original file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage macros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a file already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recreate the catalog&apos;s folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID, reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no macro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{macro} (not in this catalog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln presets: {names}</source>
        <translation>
            <numerusform>%Ln preset: {names}</numerusform>
            <numerusform>%Ln presets: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Only “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to one rendition: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{typed}” is not a full folder path: choose the folder with Choose…, or type its whole path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A macro from the catalog, appended after the modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (and {folder}, which is missing too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (and the %Ln missing folders above it, from {folder})</source>
        <translation>
            <numerusform> (and the %Ln missing folder above it, from {folder})</numerusform>
            <numerusform> (and the %Ln missing folders above it, from {folder})</numerusform>
        </translation>
    </message>
    <message>
        <source>Create {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create {folder}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layers: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIFF (alpha)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick assets to plan an export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan: what every ticked asset becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln output(s) planned</source>
        <translation>
            <numerusform>%Ln output planned</numerusform>
            <numerusform>%Ln outputs planned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>({assets} × %Ln presets)</source>
        <translation>
            <numerusform>({assets} × %Ln preset)</numerusform>
            <numerusform>({assets} × %Ln presets)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) planned</source>
        <translation>
            <numerusform>%Ln asset planned</numerusform>
            <numerusform>%Ln assets planned</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot plan: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail settings: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix this first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a saved set of options (Ctrl+P to focus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Preset &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export with &amp;Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export with several presets in one run: one output per asset and preset (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some presets could not be read and are not listed — {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset holds one rendition: save each one as a preset of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “{name}” loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick two or more presets to write them in one run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting with %Ln presets: {names}</source>
        <translation>
            <numerusform>Exporting with %Ln preset: {names}</numerusform>
            <numerusform>Exporting with %Ln presets: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Preset “{name}” saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset “{current}” has unsaved changes. Discard them and load it again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset “{current}” has unsaved changes. Discard them and load “{other}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Preset (Ctrl+S) keeps them in the preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset named “{name}” already exists. Replace it with these options?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset named “{name}” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace it with the imported one, or keep both (the import is named “{free}”)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the preset “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture preview for {types}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported — see the reason above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an asset to see what it becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output of the current asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous rendition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous rendition of this asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next rendition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next rendition of this asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendition shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rendition} ({place} of {total})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export with presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the presets to write in one run: each asset is decoded once and written once per preset, each preset&apos;s files in a folder named after it unless its file names say otherwise. The destination, mail and conflict settings are the form&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier and macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the preset up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the preset down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln presets, in this order: {names}</source>
        <translation>
            <numerusform>%Ln preset, in this order: {names}</numerusform>
            <numerusform>%Ln presets, in this order: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Save two or more presets to write them in one run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick two or more presets (for one, choose it in the Preset list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the export (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the job log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} files/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>on %Ln cluster worker(s)</source>
        <translation>
            <numerusform>on %Ln cluster worker</numerusform>
            <numerusform>on %Ln cluster workers</numerusform>
        </translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling — finishing the files in progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(every folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form&apos;s current options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{written} of %Ln written</source>
        <translation>
            <numerusform>{written} of %Ln written</numerusform>
            <numerusform>{written} of %Ln written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. nightly web renditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include &amp;subfolders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Once at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeating (cron)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run once at (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron expression (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minute hour day-of-month month day-of-week, e.g. 0 6 * * 1-5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due jobs run whenever &lt;code&gt;exportgui schedule run-due&lt;/code&gt; does; &lt;code&gt;exportgui schedule install&lt;/code&gt; has the system run it every minute. Each run appears in the Jobs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (running since {time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the preset says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cron {cron} (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. web-hero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;; letter case is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro name message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Serving commands joined by &apos;&amp;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. wid=1200&amp;hei=1200&amp;fit=constrain&amp;fmt=jpeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro definition message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to use the macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;efinition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the macro cannot be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro ${name}$</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} — fine if the request that uses the macro provides it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use it as ${name}$ in the job&apos;s macro field or in a modifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name and a definition to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the macro a name to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the name to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the definition to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the definition to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported from {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln macro(s) from {file}</source>
        <translation>
            <numerusform>Imported %Ln macro from {file}</numerusform>
            <numerusform>Imported %Ln macros from {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln replaced</source>
        <translation>
            <numerusform>%Ln replaced</numerusform>
            <numerusform>%Ln replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln existing one(s) kept</source>
        <translation>
            <numerusform>%Ln existing one kept</numerusform>
            <numerusform>%Ln existing ones kept</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln line(s): {lines}</source>
        <translation>
            <numerusform>skipped %Ln line: {lines}</numerusform>
            <numerusform>skipped %Ln lines: {lines}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more (see the details)</source>
        <translation>
            <numerusform>and %Ln more (see the details)</numerusform>
            <numerusform>and %Ln more (see the details)</numerusform>
        </translation>
    </message>
    <message>
        <source>line {number}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro definition files (*.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter macros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only macros containing this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add macros from an Image Serving macro file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write all macros to an Image Serving macro file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import and export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the macro manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming ${old}$ to ${new}$ breaks macros that use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved ${name}$.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the macro ${name}$?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macros that use it will stop working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted ${name}$.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import macros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln macro(s) in the file already exist here: {names}</source>
        <translation>
            <numerusform>%Ln macro in the file already exists here: {names}</numerusform>
            <numerusform>%Ln macros in the file already exist here: {names}</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export macros</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln macro(s) to {file}.</source>
        <translation>
            <numerusform>Exported %Ln macro to {file}.</numerusform>
            <numerusform>Exported %Ln macros to {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved macro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The macro in the editor has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest reply, width,height in pixels; 0 = no limit on that side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size cap when a request gives no wid, hei or scl; 0 = no cap on that side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default qlt: quality 1–100, then 1 to keep full chroma, 0 to subsample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default resampling (resMode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill for areas without image data: r,g,b (0–255 each) or RRGGBB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} needs a value (Restore Defaults puts back the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Serving attributes of the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the background colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose BkgColor with the colour picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No catalog is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults of this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back the defaults of this page (stored only when you press OK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults restored on the {page} page; press OK to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be written to {file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test message sent to {recipients}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp+starttls://mail.example.com:587</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smtp:// (plain), smtp+starttls:// or smtps:// (encrypted), then host and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exports@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me@example.com, team@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separate several addresses with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty if the server needs no login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow a login &amp;without encryption (smtp://, this computer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow a login without encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the password in clear: only for a server at localhost, 127.0.0.1 or ::1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a short message with these settings (not yet saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test message result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not stored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs the mail server it is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs the user name it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password comes from {variable}; a password typed here goes to the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password is stored in the system keyring; type a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password stored. Kept in the system keyring, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>••••••• (stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the server, the sender and at least one recipient first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to {recipients}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per core ({cores})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many images are converted at the same time. More than the number of cores rarely helps: at most {limit} ({per_core} per core) are used, and never more than the assets exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the conversions and copies on a Dask cluster: its scheduler&apos;s address (tcp://host:8786), or local:N for N worker processes on this computer. Every worker must see the catalog and the destination folder at the same paths. Empty: this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System follows the computer&apos;s language. A change takes effect on restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager opened the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICC profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spin Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-bitrate Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICC profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spin Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multi-bitrate (adaptive video) sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eCatalogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names {template}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export assets the way the Scene7 / Dynamic Media ExportJob does, with a live preview of every output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy for a Bug Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions and folders (include them in a bug report):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the ticked assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tick All in View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick every exportable asset that the search and filters show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ntick All in View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick &amp;Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick or Untick &amp;Selected	Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Macros…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Demo Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;hedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this job later, once or repeatedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled &amp;Jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;hedule Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the preset later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Asset List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked and exportable assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan and job history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one asset to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the ticked assets (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ticked} ticked · {exportable} exportable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running export to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying failed assets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming the job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled “{name}” (Job ▸ Scheduled Jobs…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo collection loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit while exporting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is running. Quit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitting cancels the export: the files already written stay, and no partial file is left. You can resume the job later from the Jobs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Exporting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
