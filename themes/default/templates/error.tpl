{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content" class="error-page">
<h1>{{ERROR_TITLE}}</h1>
<p id="error-text">{{ERROR_TEXT}}</p>
{{#KEPT}}<section class="kept-comment" aria-labelledby="kept-comment-heading">
<h2 id="kept-comment-heading">{{T_KEPT_HEADING}}</h2>
<p>{{T_KEPT_TEXT}}</p>
<form method="post" action="{{KEPT_ACTION}}">
<input type="hidden" name="resume" value="1">
<input type="hidden" name="name" value="{{KEPT_name}}">
<input type="hidden" name="email" value="{{KEPT_email}}">
<input type="hidden" name="title" value="{{KEPT_title}}">
{{#KEPT_TERMS}}<input type="hidden" name="terms" value="yes">
{{/KEPT_TERMS}}<p><label class="field__label" for="kept-comment">{{T_FIELD_COMMENT}}</label></p>
<textarea class="field__input field__input--long" id="kept-comment" name="comment" rows="8" dir="auto">
{{KEPT_comment:pre_escape}}</textarea>
<p><button class="button" type="submit">{{T_KEPT_RETRY}}</button></p>
</form>
</section>
{{/KEPT}}{{#NOT_FOUND}}<form class="search__form" action="{{SEARCH_PATH}}" method="get">
<label for="error-search-q">{{T_SEARCH_LABEL}}</label>
<div class="search__row">
<input class="search__input" id="error-search-q" type="search" name="q" maxlength="256" enterkeyhint="search" autocomplete="off">
<button class="search__button" type="submit">{{T_SEARCH_BUTTON}}</button>
</div>
</form>
{{/NOT_FOUND}}<p><a href="{{HOME_PATH}}">{{T_BACK_HOME}}</a></p>
{{#NOT_FOUND}}{{#LATEST}}<section class="related" aria-labelledby="latest-heading">
<h2 id="latest-heading" class="block-heading">{{T_LATEST_NEWS}}</h2>
<div class="card-list card-list--compact">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/LATEST}}{{/NOT_FOUND}}</main>
{{>FOOTER}}
