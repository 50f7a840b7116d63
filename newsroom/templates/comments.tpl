{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel panel--wide">
<p><a href="/newsroom/">{{T_BACK_TO_DESK}}</a></p>
<h1>{{T_COMMENTS_TITLE}}</h1>
{{#DONE}}<p class="notice notice--done" role="status">{{DONE_TEXT}}</p>
{{/DONE}}{{#PROBLEM}}<p class="notice notice--error" role="alert">{{PROBLEM_TEXT}}</p>
{{/PROBLEM}}<form class="filters" method="get" action="/newsroom/comments">
<p class="field"><label for="status">{{T_FILTER_STATUS}}</label>
<select id="status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></p>
<p class="field"><label for="site">{{T_FILTER_SITE}}</label>
<select id="site" name="site"><option value="">{{T_ALL_SITES}}</option>{{#SITE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SITE_OPTION}}</select></p>
<p class="field"><label for="reason">{{T_FILTER_REASON}}</label>
<select id="reason" name="reason"><option value="">{{T_ANY_REASON}}</option>{{#REASON_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/REASON_OPTION}}</select></p>
<p><button class="button button--quiet" type="submit">{{T_FILTER}}</button></p>
</form>
{{#EMPTY}}<p class="hint">{{T_NO_COMMENTS}}</p>
{{/EMPTY}}{{#QUEUE}}<form method="post" action="/newsroom/comments{{BACK_QUERY}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<fieldset class="actions"><legend>{{T_WITH_CHOSEN}}</legend>
<button class="button" type="submit" name="action" value="approve">{{T_APPROVE}}</button>
<button class="button button--quiet" type="submit" name="action" value="reject">{{T_REJECT}}</button>
<button class="button button--quiet" type="submit" name="action" value="spam">{{T_MARK_SPAM}}</button>
</fieldset>
<ol class="queue">
{{#ITEM}}<li class="queue__item">
<p class="queue__choose"><input type="checkbox" name="comment" value="{{ID}}" id="comment-{{ID}}"> <label for="comment-{{ID}}">{{CHOOSE_LABEL}}</label></p>
<p class="queue__where"><span class="badge">{{STATUS_LABEL}}</span>{{#HELD}} <span class="badge badge--held">{{HELD_LABEL}}</span>{{/HELD}} {{T_ON}} <a href="{{ARTICLE_URL}}" lang="{{SITE_LANG}}" dir="{{SITE_DIR}}">{{ARTICLE_HEADLINE}}</a></p>
<article class="comment" lang="{{SITE_LANG}}" dir="{{SITE_DIR}}">
<h2 class="comment__title">{{TITLE}}</h2>
<p class="comment__meta"><bdi class="comment__author">{{AUTHOR}}</bdi> <time datetime="{{ISO}}">{{DATE}}</time></p>
<div class="comment__body">
{{#PARAGRAPH}}<p>{{PARAGRAPH_TEXT}}</p>
{{/PARAGRAPH}}</div>
</article>
</li>
{{/ITEM}}</ol>
</form>
{{/QUEUE}}{{#ERASE}}<section class="erase" aria-labelledby="erase-title">
<h2 id="erase-title">{{T_ERASE_TITLE}}</h2>
<form method="post" action="/newsroom/comments/erase">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<p class="field"><label for="erase-email">{{T_ERASE_EMAIL}}</label>
<input id="erase-email" name="email" type="email" required dir="ltr" aria-describedby="erase-hint">
<span class="hint" id="erase-hint">{{T_ERASE_HINT}}</span></p>
<p><button class="button button--quiet" type="submit">{{T_ERASE}}</button></p>
</form>
</section>
{{/ERASE}}</main>
</body>
</html>
