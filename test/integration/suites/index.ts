// Every integration suite, in the order they run. They share one VS Code window, so order matters:
// activation first, then the features.
import './activation.test';
import './content.test';
import './hostilePack.test';
import './studyPlan.test';
import './webviews.test';
import './designDoc.test';
import './progress.test';
import './interview.test';
import './aliases.test';
import './languageModel.test';
import './aiService.test';
import './ai.test';
import './aiDocReview.test';
import './journal.test';
