{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
{{>HEADER}}
<main id="content">
<article class="story">
<header class="story__header">
{{#SECTION}}<p class="story__kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
{{/SECTION}}<h1 class="story__headline">{{HEADLINE}}</h1>
{{#STANDFIRST}}<p class="story__standfirst">{{STANDFIRST_TEXT}}</p>
{{/STANDFIRST}}<div class="story__meta">
{{#BYLINE}}<p class="story__byline">{{T_BY}} {{#AUTHOR}}<bdi class="story__author">{{AUTHOR_NAME}}</bdi>{{#AUTHOR_SEPARATOR}} {{T_AND}} {{/AUTHOR_SEPARATOR}}{{/AUTHOR}}</p>
{{/BYLINE}}<p class="story__times">
<span class="story__published">{{T_PUBLISHED}} <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED_DATE}}{{T_DATE_TIME_SEPARATOR}}{{PUBLISHED_TIME}}</time></span>
{{#UPDATED}}<span class="story__updated">{{T_UPDATED}} <time datetime="{{UPDATED_ISO}}">{{UPDATED_DATE}}{{T_DATE_TIME_SEPARATOR}}{{UPDATED_TIME}}</time></span>
{{/UPDATED}}</p>
</div>
</header>
{{#FIGURE}}<figure class="story__figure">
<img src="{{IMAGE_URL}}" srcset="{{IMAGE_SRCSET}}" sizes="{{IMAGE_SIZES}}" width="{{IMAGE_WIDTH}}" height="{{IMAGE_HEIGHT}}" alt="{{IMAGE_ALT}}" fetchpriority="high">
<figcaption>{{#CAPTION}}<span class="story__caption">{{CAPTION_TEXT}}</span>{{/CAPTION}}{{#CREDIT}} <span class="story__credit">{{CREDIT_TEXT}}</span>{{/CREDIT}}</figcaption>
</figure>
{{/FIGURE}}<div class="story__body">
{{#DATELINE}}<p class="story__dateline">{{DATELINE_TEXT}}</p>
{{/DATELINE}}{{BODY:none}}
</div>
<footer class="story__footer">
{{#SOURCE}}<p class="story__source">{{T_SOURCE}} <bdi class="story__agency">{{SOURCE_TEXT}}</bdi></p>
{{/SOURCE}}{{#TAGS}}<nav class="story__tags" aria-label="{{T_TAGS}}">
<h2 class="story__tags-heading">{{T_TAGS}}</h2>
<ul>
{{#TAG}}<li><a href="{{TAG_URL}}" rel="tag"><bdi>{{TAG_NAME}}</bdi></a></li>
{{/TAG}}</ul>
</nav>
{{/TAGS}}</footer>
</article>
{{#COMMENTS}}<section class="comments" aria-labelledby="comments-heading">
<h2 id="comments-heading" class="block-heading">{{COMMENTS_HEADING}}</h2>
{{#COMMENT}}<article class="comment" id="comment-{{COMMENT_ID}}">
<h3 class="comment__title">{{COMMENT_TITLE}}</h3>
<p class="comment__meta"><bdi class="comment__author">{{COMMENT_AUTHOR}}</bdi> <time datetime="{{COMMENT_ISO}}">{{COMMENT_DATE}}</time></p>
<div class="comment__body">
{{#PARAGRAPH}}<p>{{PARAGRAPH_TEXT}}</p>
{{/PARAGRAPH}}</div>
</article>
{{/COMMENT}}</section>
{{/COMMENTS}}{{#RELATED}}<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading" class="block-heading">{{T_RELATED_NEWS}}</h2>
<div class="card-list card-list--compact">
{{#STORY}}{{>CARD}}
{{/STORY}}</div>
</section>
{{/RELATED}}</main>
{{>FOOTER}}
