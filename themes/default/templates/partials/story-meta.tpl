{{%AUTOESCAPE context="HTML"}}{{#BYLINE}}<p class="story__byline">{{T_BY}} {{#AUTHOR}}<a class="story__author" href="{{AUTHOR_URL}}"><bdi>{{AUTHOR_NAME}}</bdi></a>{{#AUTHOR_SEPARATOR}} {{T_AND}} {{/AUTHOR_SEPARATOR}}{{/AUTHOR}}</p>
{{/BYLINE}}<p class="story__times">
<span class="story__published">{{T_PUBLISHED}} <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED_WHEN}}</time></span>
{{#UPDATED}}<span class="story__updated">{{T_UPDATED}} <time datetime="{{UPDATED_ISO}}">{{UPDATED_WHEN}}</time></span>
{{/UPDATED}}</p>
