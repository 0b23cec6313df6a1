"""The rules that give each line of an article its kind, one module per kind of line, each with
its policy; `talkspkg.metadata` runs them (`classify`) and reads the article's metadata.

* `classify`: the line walk, the headline and standfirst.
* `bylines`, `credits`, `photos`: who wrote it, credit lines, photo captions and credits.
* `pubdates`, `datelines`: publication lines and their date and time, the dateline.
* `urls`, `outlets`: URL lines, and what names an outlet.
* `boilerplate`, `embeds`: what is not the article's text, embedded posts.
* `knowledge`: `knowledge/layout.yaml`; `text`: lines, words and markdown shapes.
"""
