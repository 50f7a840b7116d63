{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content">
<article class="story">
<header class="story__header">
{{>STORY_HEADING}}<div class="story__meta">
{{>STORY_META}}{{#TRANSLATIONS}}<p class="story__translations">{{T_ALSO_IN}} {{#TRANSLATION}}<a href="{{TRANSLATION_URL}}" lang="{{TRANSLATION_LANG}}" hreflang="{{TRANSLATION_LANG}}" dir="{{TRANSLATION_DIR}}">{{TRANSLATION_HEADLINE}}</a>{{#TRANSLATION_SEPARATOR}} · {{/TRANSLATION_SEPARATOR}}{{/TRANSLATION}}</p>
{{/TRANSLATIONS}}</div>
</header>
{{>STORY_FIGURE}}<div class="story__body">
{{#DATELINE}}<p class="story__dateline">{{DATELINE_TEXT}}</p>
{{/DATELINE}}{{BODY:none}}
</div>
{{>STORY_FOOTER}}</article>
{{#COMMENTS}}<section class="comments" aria-labelledby="comments-heading">
<h2 id="comments-heading" class="block-heading">{{COMMENTS_HEADING}}</h2>
{{#COMMENT}}<article class="comment" id="comment-{{COMMENT_ID}}">
<h3 class="comment__title">{{COMMENT_TITLE}}</h3>
<p class="comment__meta"><bdi class="comment__author">{{COMMENT_AUTHOR}}</bdi> <time datetime="{{COMMENT_ISO}}">{{COMMENT_DATE}}</time></p>
<div class="comment__body">
{{#PARAGRAPH}}<p>{{PARAGRAPH_TEXT}}</p>
{{/PARAGRAPH}}</div>
</article>
{{/COMMENT}}{{#COMMENT_PAGES}}<nav class="pagination" aria-label="{{T_COMMENT_PAGES}}">
{{#NEWER_COMMENTS}}<a class="pagination__prev" href="{{NEWER_COMMENTS_URL}}" rel="prev">{{T_NEWER_COMMENTS}}</a>
{{/NEWER_COMMENTS}}<span class="pagination__status">{{COMMENT_PAGE_STATUS}}</span>
{{#OLDER_COMMENTS}}<a class="pagination__next" href="{{OLDER_COMMENTS_URL}}" rel="next">{{T_OLDER_COMMENTS}}</a>
{{/OLDER_COMMENTS}}</nav>
{{/COMMENT_PAGES}}</section>
{{/COMMENTS}}{{#COMMENT_FORM}}<section class="comment-form" id="comment-form" aria-labelledby="comment-form-heading">
<h2 id="comment-form-heading" class="block-heading">{{T_COMMENT_FORM_HEADING}}</h2>
{{#NOTICE}}<p class="comment-form__notice comment-form__notice--{{NOTICE_KIND}}" id="comment-form-notice" role="status" tabindex="-1">{{NOTICE_TEXT}}</p>
{{/NOTICE}}{{#ERROR_SUMMARY}}<div class="comment-form__summary" id="comment-form-summary" tabindex="-1" role="alert" aria-labelledby="comment-form-summary-heading">
<h3 id="comment-form-summary-heading">{{T_FORM_PROBLEM}}</h3>
<ul>
{{#SUMMARY_ITEM}}<li><a href="#{{ITEM_TARGET}}">{{ITEM_TEXT}}</a></li>
{{/SUMMARY_ITEM}}</ul>
</div>
{{/ERROR_SUMMARY}}<form class="comment-form__form" method="post" action="{{FORM_ACTION}}" novalidate data-check-finishing="{{T_CHECK_FINISHING}}">
<p class="comment-form__required-note">{{T_REQUIRED_NOTE}}</p>
{{>COMMENT_FIELD}}<fieldset class="field field--terms{{#TERMS_INVALID}} field--invalid{{/TERMS_INVALID}}">
<legend class="field__label">{{T_TERMS_HEADING}}</legend>
<p class="field__hint" id="comment-terms-text">{{T_TERMS_TEXT}}</p>
{{#TERMS_INVALID}}<p class="field__error" id="comment-terms-error">{{TERMS_ERROR_TEXT}}</p>
{{/TERMS_INVALID}}<p class="field__choice"><input type="checkbox" id="comment-terms" name="terms" value="yes" required aria-describedby="{{TERMS_DESCRIBED_BY}}"{{#TERMS_CHECKED}} checked{{/TERMS_CHECKED}}{{#TERMS_INVALID}} aria-invalid="true"{{/TERMS_INVALID}}>
<label for="comment-terms">{{T_TERMS_AGREE}}<span class="field__required" aria-hidden="true"> *</span></label></p>
</fieldset>
<fieldset class="field field--check{{#CHECK_INVALID}} field--invalid{{/CHECK_INVALID}}" id="comment-check">
<legend class="field__label">{{T_CHECK_HEADING}}<span class="field__required" aria-hidden="true"> *</span></legend>
<p class="field__hint" id="comment-check-hint">{{T_CHECK_HINT}}</p>
{{#CHECK_INVALID}}<p class="field__error" id="comment-check-error">{{CHECK_ERROR_TEXT}}</p>
{{/CHECK_INVALID}}<altcha-widget challenge="{{CHECK_URL}}" name="altcha" auto="onfocus" language="{{LANG}}"></altcha-widget>
<p class="visually-hidden" id="comment-check-live" aria-live="polite"></p>
{{#QUESTION}}<p class="field__question"><label for="comment-answer">{{QUESTION_TEXT}}</label>
<input class="field__input field__input--short" id="comment-answer" name="answer" type="text" inputmode="numeric" autocomplete="off" required aria-describedby="comment-check-hint">
<input type="hidden" name="question" value="{{QUESTION_TOKEN}}"></p>
{{/QUESTION}}{{#NOSCRIPT_NOTE}}<noscript><p class="field__hint">{{T_CHECK_NOSCRIPT}}</p></noscript>
{{/NOSCRIPT_NOTE}}</fieldset>
{{#STARTED}}<input type="hidden" name="started" value="{{STARTED_NOTE}}">
{{/STARTED}}<div class="comment-form__trap"><label for="comment-website">{{T_TRAP_LABEL}}</label> <input id="comment-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<p class="comment-form__actions"><button class="button" type="submit">{{T_COMMENT_SUBMIT}}</button></p>
</form>
<script type="module" src="{{ASSETS_PATH}}js/comment-form.js"></script>
</section>
{{/COMMENT_FORM}}{{#RELATED}}<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading" class="block-heading">{{T_RELATED_NEWS}}</h2>
<div class="card-list card-list--compact">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/RELATED}}</main>
{{>FOOTER}}
