{{%AUTOESCAPE context="HTML"}}{{#SECTION}}<p class="story__kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
{{/SECTION}}<h1 class="story__headline">{{HEADLINE}}</h1>
{{#STANDFIRST}}<p class="story__standfirst">{{STANDFIRST_TEXT}}</p>
{{/STANDFIRST}}