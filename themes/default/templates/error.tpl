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
{{/KEPT}}<p><a href="{{HOME_PATH}}">{{T_BACK_HOME}}</a></p>
</main>
{{>FOOTER}}
