{{%AUTOESCAPE context="HTML"}}<section class="most-read" aria-labelledby="most-read-heading">
<h2 id="most-read-heading" class="block-heading">{{MOST_READ_TITLE}}</h2>
<ol class="most-read__list" role="list">
{{#STORY}}<li class="most-read__item"><a href="{{URL}}">{{HEADLINE}}</a></li>
{{/STORY}}</ol>
</section>
