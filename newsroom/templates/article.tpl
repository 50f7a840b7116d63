{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/articles">{{T_BACK_TO_ARTICLES}}</a></p>
<h1>{{HEADING}}</h1>
{{#DONE}}<p class="notice notice--done" role="status">{{DONE_TEXT}}</p>
{{/DONE}}{{#PROBLEM}}<div class="notice notice--error" role="alert" id="problem"><p>{{PROBLEM_TEXT}}</p>{{#CURRENT}}
<p><a href="{{CURRENT_URL}}" target="_blank" rel="noopener">{{T_OPEN_CURRENT}}</a></p>{{/CURRENT}}</div>
{{/PROBLEM}}{{#STATE}}<p class="state"><span class="badge badge--{{STATUS}}">{{STATUS_LABEL}}</span> {{STATE_TEXT}}{{#PUBLIC}} <a href="{{PUBLIC_URL}}">{{T_VIEW_ON_SITE}}</a>{{/PUBLIC}} <a href="/newsroom/articles/{{ID}}/revisions">{{T_REVISIONS_TITLE}}</a></p>
{{/STATE}}{{#EMBARGO}}<p class="notice" role="status">{{T_ARTICLE_EMBARGOED_UNTIL}} <time datetime="{{EMBARGO_ISO}}">{{EMBARGO_DATE}}</time>. {{T_WIRE_EMBARGO_HINT}}</p>
{{/EMBARGO}}{{#WIRE_NEWER}}<p class="notice" role="status">{{WIRE_NEWER_TEXT}} <a href="/newsroom/wires/{{WIRE_ID}}">{{T_WIRE_SEE_NEWER}}</a></p>
{{/WIRE_NEWER}}{{#ACTIONS}}<form class="actions-form" method="post" action="/newsroom/articles/{{ID}}/action">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<fieldset class="actions"><legend>{{T_ACTIONS_LEGEND}}</legend>
{{#ACT}}<button class="button{{#QUIET}} button--quiet{{/QUIET}}" type="submit" name="action" value="{{ACTION}}">{{LABEL}}</button>
{{/ACT}}{{#SCHEDULE}}<span class="schedule"><label for="publish_at">{{PUBLISH_AT_LABEL}}</label>
<input id="publish_at" name="publish_at" type="datetime-local" value="{{PUBLISH_AT}}"{{#INVALID_PUBLISH_AT}} aria-invalid="true" aria-describedby="problem"{{/INVALID_PUBLISH_AT}}>
<button class="button button--quiet" type="submit" name="action" value="schedule">{{T_ACT_SCHEDULE}}</button></span>
{{/SCHEDULE}}</fieldset>
</form>
{{/ACTIONS}}{{#NOTES}}<section class="notes" aria-labelledby="notes-title">
<h2 id="notes-title">{{T_NOTES_TITLE}}</h2>
{{#NOTE_LIST}}<ol class="notes__list">
{{#NOTE}}<li><p><strong>{{KIND_LABEL}}</strong> <time datetime="{{ISO}}">{{DATE}}</time></p>
<p lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}">{{TEXT}}</p></li>
{{/NOTE}}</ol>
{{/NOTE_LIST}}{{#NOTE_FORM}}<form class="note-form" method="post" action="/newsroom/articles/{{ID}}/notes">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<fieldset class="note-kind"><legend>{{T_NOTE_KIND}}</legend>
<input type="radio" id="kind-correction" name="kind" value="correction"{{#CORRECTION_CHOSEN}} checked{{/CORRECTION_CHOSEN}}> <label for="kind-correction">{{T_NOTE_CORRECTION}}</label>
<input type="radio" id="kind-update" name="kind" value="update"{{#UPDATE_CHOSEN}} checked{{/UPDATE_CHOSEN}}> <label for="kind-update">{{T_NOTE_UPDATE}}</label>
</fieldset>
<p class="field"><label for="note">{{T_NOTE_TEXT}}</label>
<textarea id="note" name="note" rows="3" maxlength="1000" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}" aria-describedby="note-hint"{{#INVALID_NOTE}} aria-invalid="true"{{/INVALID_NOTE}}>{{NOTE_DRAFT:pre_escape}}</textarea>
<span class="hint" id="note-hint">{{T_NOTE_HINT}}</span></p>
<p><button class="button button--quiet" type="submit">{{T_ADD_NOTE}}</button></p>
</form>
{{/NOTE_FORM}}</section>
{{/NOTES}}{{#TRANSLATIONS}}<section class="translations" aria-labelledby="translations-title">
<h2 id="translations-title">{{T_TRANSLATIONS_TITLE}}</h2>
{{#LINKED}}<ul class="translations__list">
{{#LINKED_ITEM}}<li><a href="/newsroom/articles/{{OTHER_ID}}" lang="{{OTHER_LANG}}" dir="{{OTHER_DIR}}">{{OTHER_HEADLINE}}</a> <span class="hint">{{OTHER_SITE}}</span></li>
{{/LINKED_ITEM}}</ul>
<form method="post" action="/newsroom/articles/{{ID}}/translations">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p><button class="button button--quiet" type="submit" name="unlink" value="1">{{T_UNLINK_TRANSLATION}}</button></p>
</form>
{{/LINKED}}{{#CANDIDATES}}<form method="post" action="/newsroom/articles/{{ID}}/translations">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="translation">{{T_FIELD_TRANSLATION}}</label>
<select id="translation" name="other">{{#CANDIDATE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CANDIDATE}}</select></p>
<p><button class="button button--quiet" type="submit">{{T_LINK_TRANSLATION}}</button></p>
</form>
{{/CANDIDATES}}</section>
{{/TRANSLATIONS}}{{#PREVIEW}}<section class="preview" aria-labelledby="preview-title">
<h2 id="preview-title">{{T_PREVIEW_TITLE}}</h2>
<div lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}">
<p class="preview__headline">{{PREVIEW_HEADLINE}}</p>
{{#PREVIEW_STANDFIRST}}<p class="preview__standfirst">{{TEXT}}</p>
{{/PREVIEW_STANDFIRST}}<div class="preview__body">{{BODY_HTML:none}}</div>
</div>
</section>
{{/PREVIEW}}{{#PICTURE}}<section class="picture" aria-labelledby="picture-title">
<h2 id="picture-title">{{T_PICTURE_TITLE}}</h2>
{{#CURRENT_PICTURE}}<img class="picture__current" src="{{PICTURE_URL}}" width="{{PICTURE_WIDTH}}" height="{{PICTURE_HEIGHT}}" alt="{{T_CURRENT_PICTURE}}">
{{/CURRENT_PICTURE}}<form class="picture__form" method="post" action="/newsroom/articles/{{ID}}/picture" enctype="multipart/form-data">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<p class="field"><label for="picture">{{T_FIELD_PICTURE}}</label>
<input id="picture" name="picture" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="picture-hint"{{#INVALID_PICTURE}} aria-invalid="true"{{/INVALID_PICTURE}}>
<span class="hint" id="picture-hint">{{T_PICTURE_HINT}}</span></p>
<p class="buttons"><button class="button button--quiet" type="submit">{{T_UPLOAD_PICTURE}}</button>
{{#CURRENT_PICTURE}}<button class="button button--quiet" type="submit" name="remove" value="1">{{T_REMOVE_PICTURE}}</button>{{/CURRENT_PICTURE}}</p>
</form>
</section>
{{/PICTURE}}{{#EDITOR}}<form class="editor" method="post" action="{{FORM_ACTION}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<input type="hidden" name="site" value="{{SITE}}">
<p class="hint">{{T_FIELD_SITE}}: {{SITE_NAME}}</p>
<p class="field"><label for="headline">{{T_FIELD_HEADLINE}}</label>
<input id="headline" name="headline" type="text" required maxlength="250" value="{{HEADLINE}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"{{#INVALID_HEADLINE}} aria-invalid="true" aria-describedby="problem"{{/INVALID_HEADLINE}}></p>
<p class="field"><label for="standfirst">{{T_FIELD_STANDFIRST}}</label>
<textarea id="standfirst" name="standfirst" rows="3" maxlength="600" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"{{#INVALID_STANDFIRST}} aria-invalid="true" aria-describedby="problem"{{/INVALID_STANDFIRST}}>{{STANDFIRST:pre_escape}}</textarea></p>
<p class="field"><label for="body">{{T_FIELD_BODY}}</label>
<textarea id="body" name="body" rows="18" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}" aria-describedby="body-hint"{{#INVALID_BODY}} aria-invalid="true"{{/INVALID_BODY}}>{{BODY:pre_escape}}</textarea>
<span class="hint" id="body-hint">{{T_BODY_HINT}}</span></p>
<p class="field"><label for="dateline">{{T_FIELD_DATELINE}}</label>
<input id="dateline" name="dateline" type="text" maxlength="200" value="{{DATELINE}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"{{#INVALID_DATELINE}} aria-invalid="true" aria-describedby="problem"{{/INVALID_DATELINE}}></p>
<p class="field"><label for="authors">{{T_FIELD_AUTHORS}}</label>
<input id="authors" name="authors" type="text" value="{{AUTHORS}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}" aria-describedby="authors-hint"{{#INVALID_AUTHORS}} aria-invalid="true"{{/INVALID_AUTHORS}}>
<span class="hint" id="authors-hint">{{T_AUTHORS_HINT}}</span></p>
<p class="field"><label for="source_credit">{{T_FIELD_SOURCE_CREDIT}}</label>
<input id="source_credit" name="source_credit" type="text" maxlength="200" value="{{SOURCE_CREDIT}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"{{#INVALID_SOURCE_CREDIT}} aria-invalid="true" aria-describedby="problem"{{/INVALID_SOURCE_CREDIT}}></p>
<p class="field"><label for="section">{{T_FIELD_SECTION}}</label>
<select id="section" name="section"{{#INVALID_SECTION}} aria-invalid="true" aria-describedby="problem"{{/INVALID_SECTION}}><option value="">{{T_NO_SECTION}}</option>{{#SECTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SECTION_OPTION}}</select></p>
<p class="field"><label for="tags">{{T_FIELD_TAGS}}</label>
<input id="tags" name="tags" type="text" value="{{TAGS}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}" aria-describedby="tags-hint"{{#INVALID_TAGS}} aria-invalid="true"{{/INVALID_TAGS}}>
<span class="hint" id="tags-hint">{{T_TAGS_HINT}}</span></p>
<p class="field"><label for="lead_caption">{{T_FIELD_LEAD_CAPTION}}</label>
<input id="lead_caption" name="lead_caption" type="text" maxlength="600" value="{{LEAD_CAPTION}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"{{#INVALID_CAPTION}} aria-invalid="true" aria-describedby="problem"{{/INVALID_CAPTION}}></p>
<p class="field"><label for="lead_credit">{{T_FIELD_LEAD_CREDIT}}</label>
<input id="lead_credit" name="lead_credit" type="text" maxlength="200" value="{{LEAD_CREDIT}}" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}"{{#INVALID_IMAGE_CREDIT}} aria-invalid="true" aria-describedby="problem"{{/INVALID_IMAGE_CREDIT}}></p>
<p class="field"><label for="slug">{{T_FIELD_SLUG}}</label>
<input id="slug" name="slug" type="text" maxlength="200" value="{{SLUG}}" dir="ltr" aria-describedby="slug-hint"{{#SLUG_FIXED}} readonly{{/SLUG_FIXED}}{{#INVALID_SLUG}} aria-invalid="true"{{/INVALID_SLUG}}>
<span class="hint" id="slug-hint">{{T_SLUG_HINT}}</span></p>
<p class="buttons"><button class="button" type="submit" name="intent" value="save">{{T_SAVE}}</button>
<button class="button button--quiet" type="submit" name="intent" value="preview">{{T_PREVIEW}}</button></p>
</form>
{{/EDITOR}}{{#READ_ONLY}}<div class="read-only" lang="{{CONTENT_LANG}}" dir="{{CONTENT_DIR}}">
<p class="preview__headline">{{HEADLINE}}</p>
<div class="preview__body">{{BODY_HTML:none}}</div>
</div>
{{/READ_ONLY}}</main>
</body>
</html>
