export { default as AuthForm } from './AuthForm.vue';
export type { AuthFormEmits, AuthFormProps, AuthMode } from './AuthForm.vue';
