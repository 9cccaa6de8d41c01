// A team rule for finetune-lint: every plan names the person or team accountable
// for the run. Plugin rules use the same API as the built-in ones; see the
// README section "Writing a plugin".

/** @type {import('finetune-lint').Plugin} */
export default {
  name: 'team-rules',
  rules: [
    {
      meta: {
        id: 'require-owner',
        severity: 'error',
        description: 'The plan names no owner accountable for the run.',
        hint: 'Add owner: the team or person who answers for this fine-tune, such as support-ml@example.com.',
        verdict: 'fix-first',
        defaultOptions: {},
      },
      check({ plan, report }) {
        const owner = plan.text(['owner']);
        if (owner === undefined || owner.trim() === '') {
          // A missing key is reported on its parent mapping; plan.anchor finds it.
          report({ node: plan.anchor(['owner']), message: 'the plan names no owner: nobody is accountable for the run' });
        }
      },
    },
  ],
};
